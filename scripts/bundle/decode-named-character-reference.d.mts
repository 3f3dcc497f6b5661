export declare function decodeNamedCharacterReference(value: string): string | false;
