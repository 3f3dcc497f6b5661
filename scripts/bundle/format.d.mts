export default function format(template: string, ...values: unknown[]): string;
