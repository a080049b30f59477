/**
 * The setup every browser test file of the explorer shares: inside a `describe`, start the real server on
 * the test Neo4j, seed it (the bundled corpus unless told otherwise), launch Chromium once for the file,
 * and close both after. `open` gives a page on the explorer once its first view is loaded.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from './browser';
import { openExplorer, type Viewport } from './explorer-page';
import { seedCorpus } from './seed-database';
import { startTestServer, type TestServer } from './test-server';

export interface SeededExplorerOptions {
  /** The window of the browser; a page can ask for another one. */
  viewport?: Viewport;
  /** What the database holds before the first page opens: the bundled corpus unless given. */
  seed?: (server: TestServer) => Promise<void>;
  /** The server requires this API token, and every page opens with it in its session, as the token prompt leaves it. */
  token?: string;
}

export interface OpenOptions {
  /** Path, query and hash after the server's origin. */
  path?: string;
  viewport?: Viewport;
}

export interface SeededExplorer {
  readonly server: TestServer;
  readonly browser: LaunchedBrowser;
  /** Uncaught errors of every page opened through `open`. */
  readonly pageErrors: string[];
  open(options?: OpenOptions): Promise<Page>;
}

const DEFAULT_VIEWPORT: Viewport = { width: 1920, height: 1080 };

export function withSeededExplorer(options: SeededExplorerOptions = {}): SeededExplorer {
  const viewport = options.viewport ?? DEFAULT_VIEWPORT;
  let server: TestServer | undefined;
  let browser: LaunchedBrowser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(options.token ? { token: options.token } : {});
    await (options.seed ?? ((s: TestServer) => seedCorpus(s.connection)))(server);
    browser = await launchBrowser(viewport);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`withSeededExplorer: the ${what} is not started yet (use it inside a test)`);
    return value;
  };

  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    pageErrors,
    open: (open = {}) =>
      openExplorer(started(browser, 'browser'), started(server, 'server').url, open.viewport ?? viewport, pageErrors, {
        path: open.path,
        token: options.token,
      }),
  };
}
