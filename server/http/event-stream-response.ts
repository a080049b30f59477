/** Server-sent events over an Express response: the headers, the retry hint and one event's wire format. */
import type { Response } from 'express';

/** Opens the stream: no caching or proxy buffering, and a reconnect after 2 s when the connection drops. */
export function startEventStream(res: Response): void {
  res.status(200);
  res.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write('retry: 2000\n\n');
}

export function formatEvent(type: string, data: unknown, id?: string): string {
  // JSON.stringify never emits a raw newline, so the data stays on one line as SSE needs.
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
