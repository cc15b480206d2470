/** A headless Chromium for end-to-end tests, found without downloading anything. */
import fs from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
] as const;

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function playwrightChromium(): string | undefined {
  try {
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** `CHROMIUM_PATH`, then the Debian package, then a browser Playwright itself installed; throws when none exists. */
export function findChromium(): string {
  const tried: string[] = [];
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    tried.push(`CHROMIUM_PATH=${fromEnv} (không tồn tại / does not exist)`);
  } else {
    tried.push('CHROMIUM_PATH (chưa đặt / unset)');
  }
  if (fs.existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  tried.push(SYSTEM_CHROMIUM);
  const own = playwrightChromium();
  if (own) return own;
  tried.push('playwright-core chromium.executablePath()');
  throw new Error(
    `No Chromium found for the end-to-end tests. Tried: ${tried.join('; ')}. ` +
      'Install it (`apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium/Chrome executable.',
  );
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: options.executablePath ?? findChromium(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
