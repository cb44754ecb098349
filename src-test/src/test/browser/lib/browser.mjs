// The harness every browser scenario uses: Debian's chromium, headless, driven by playwright-core.
// A JUnit *BrowserIT (dev.portcullis.it.peers.BrowserScript) runs `node --test <name>.spec.mjs` here
// with BASE_URL (the server's http base URL), SCENARIO (JSON fixtures the Java test prepared) and
// SCREENSHOT_DIR (where screenshots go) in the environment.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// No GPU, no network of its own (updates, sync, QUIC), nothing on first run: only the pages a test opens.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A headless chromium with a fresh, temporary user data dir (Playwright makes and removes it). */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 60_000 });
}

/**
 * A page in its own context (no cookies or storage shared with other pages). Page errors and
 * console errors are collected in page.problems so a scenario can assert there were none.
 */
export async function newPage(browser, { viewport = { width: 1280, height: 800 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000); // Ajax round trips on a busy two-core CI machine
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`); });
  return page;
}

/** The whole page as SCREENSHOT_DIR/<name>.png; returns the file's path. */
export async function screenshot(page, name) {
  const dir = process.env.SCREENSHOT_DIR || join(process.cwd(), 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The scenario's input: the JSON object the Java test put in SCENARIO. */
export function scenario() {
  const raw = process.env.SCENARIO;
  if (!raw) {
    throw new Error('SCENARIO is not set: run this spec from its *BrowserIT');
  }
  return JSON.parse(raw);
}

/** The server's base URL without a trailing slash, e.g. http://localhost:8180. */
export function baseUrl() {
  const url = process.env.BASE_URL;
  if (!url) {
    throw new Error('BASE_URL is not set: run this spec from its *BrowserIT');
  }
  return url.replace(/\/+$/, '');
}
