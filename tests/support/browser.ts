/**
 * Launches Debian's Chromium (/usr/bin/chromium) with playwright-core: never a browser download. When
 * Chromium is missing, browser tests fail under CI and are skipped elsewhere with one clear line.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.DOSSIER_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // WebGL without a GPU: software rendering.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * `describe` for browser tests: runs them when Chromium is there; otherwise fails under CI (a missing
 * browser must not pass silently) or skips with one line on a laptop.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable()) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          `Chromium is missing at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (CI must run the browser tests).`,
        );
      });
    });
  } else {
    process.stderr.write(
      `Skipping browser tests "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).\n`,
    );
    describe.skip(name, body);
  }
}

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile each time, so no state leaks between runs. */
export async function launchBrowser(viewport = { width: 1920, height: 1080 }): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
    timeout: 60_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
