export declare const FRESH_BUILD_ENV: string
