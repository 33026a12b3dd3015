// Types for ids.mjs.
export declare function deterministicUuid(...parts: (string | number)[]): string
export declare function shortHash(...parts: (string | number)[]): string
