/** A Chromium binary for the browser tests, or null when there is none. */
export function findChromium(): Promise<string | null>;
