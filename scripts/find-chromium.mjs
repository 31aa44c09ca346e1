// Finds a Chromium for the browser tests: $CHROMIUM_PATH, then the system's, then Playwright's own.
import { existsSync } from 'node:fs';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return system;
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
}

// Run directly (npm test does, before Playwright): one clear line instead of an obscure failure.
if (import.meta.url === `file://${process.argv[1]}`) {
  const found = await findChromium();
  if (!found) {
    const why = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist` : 'no Chromium found';
    console.error(`Browser tests need Chromium (${why}): install it with "sudo apt-get install -y chromium", or "npx playwright install chromium", or set CHROMIUM_PATH to a Chrome/Chromium binary.`);
    process.exit(1);
  }
  console.log(`Browser tests use ${found}`);
}
