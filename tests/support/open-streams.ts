/**
 * Which event streams a page holds open: a browser gives a host six HTTP/1.1 connections, shared by its
 * tabs, so a page should hold one long-lived stream. `recordStreams` makes every later page of the context
 * note each EventSource it makes; `openStreams` names the paths of those not closed.
 */
import type { BrowserContext, Page } from 'playwright-core';

type Recorded = { dossierStreams: EventSource[] };

export async function recordStreams(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = window.EventSource;
    const made: EventSource[] = [];
    (window as unknown as Recorded).dossierStreams = made;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        made.push(this);
      }
    };
  });
}

export function openStreams(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as Recorded).dossierStreams
      .filter((s) => s.readyState !== EventSource.CLOSED)
      .map((s) => new URL(s.url).pathname),
  );
}
