// Finds a Chromium for Playwright: CHROMIUM_PATH, a system Chromium/Chrome, or Playwright's own
// download where one was installed. Prints nothing itself; callers decide what to say.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** @returns {Promise<string | undefined>} an executable path, or undefined to use Playwright's bundled browser */
export async function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return process.env.CHROMIUM_PATH;
  for (const c of CANDIDATES) if (existsSync(c)) return c;
  return undefined;
}

/** Whether Playwright's own Chromium is installed (npx playwright install chromium). */
export async function hasPlaywrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/** The command that installs Chromium on this system, or undefined where we do not know it. */
export function systemInstallCommand() {
  if (process.platform === 'darwin') return 'brew install --cask chromium';
  if (existsSync('/etc/debian_version')) return 'sudo apt-get install -y chromium';
  if (existsSync('/etc/fedora-release')) return 'sudo dnf install -y chromium';
  if (existsSync('/etc/arch-release')) return 'sudo pacman -S chromium';
  return undefined;
}

/** What to say when no Chromium could be found or downloaded. */
export function installHint() {
  const command = systemInstallCommand();
  return [
    'No Chromium found for the end-to-end tests, and Playwright could not download its own.',
    command
      ? `Install it with:  ${command}`
      : 'Install Chromium or Chrome with your package manager.',
    'Then run npm test again, or point CHROMIUM_PATH at a Chromium/Chrome executable.',
  ].join('\n');
}

/** Chromium's flags for tests and benchmarks here: headless in a container, offline, no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
