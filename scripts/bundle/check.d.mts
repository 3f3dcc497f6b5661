export declare const MAX_BUNDLE_BYTES: number;
export declare function bundleProblems(text: string, bytes?: number): string[];
