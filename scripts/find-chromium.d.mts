// Types of find-chromium.mjs for the TypeScript that imports it (playwright.config.ts).
export declare function findChromium(): Promise<string | undefined>;
export declare function hasPlaywrightChromium(): Promise<boolean>;
export declare function systemInstallCommand(): string | undefined;
export declare function installHint(): string;
export declare const CHROMIUM_ARGS: string[];
