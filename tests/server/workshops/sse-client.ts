/** A minimal server-sent events reader for tests (Node 20 has no EventSource): frames as they arrive. */
import http from 'node:http';

export interface SseFrame {
  event: string;
  id?: string;
  data: unknown;
}

export interface SseClient {
  frames: SseFrame[];
  status: number;
  contentType: string;
  /** Resolves with the first frame (already received or to come) that matches. */
  next(match: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  close(): void;
  /** Calls back when the server ends the stream. */
  onEnd(callback: () => void): void;
}

export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      const frames: SseFrame[] = [];
      const waiters: Array<{ match: (frame: SseFrame) => boolean; resolve: (frame: SseFrame) => void }> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: SseFrame = { event: 'message', data: null };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'event') frame.event = value;
            else if (field === 'id') frame.id = value;
            else if (field === 'data') data.push(value);
          }
          if (data.length === 0) continue;
          frame.data = JSON.parse(data.join('\n'));
          frames.push(frame);
          for (const waiter of [...waiters]) {
            if (waiter.match(frame)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(frame);
            }
          }
        }
      });
      resolve({
        frames,
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type'] ?? ''),
        next(match, timeoutMs = 1000) {
          const found = frames.find(match);
          if (found) return Promise.resolve(found);
          return new Promise((resolveFrame, rejectFrame) => {
            const timer = setTimeout(
              () => rejectFrame(new Error(`no matching event within ${timeoutMs} ms`)),
              timeoutMs,
            );
            waiters.push({
              match,
              resolve: (frame) => {
                clearTimeout(timer);
                resolveFrame(frame);
              },
            });
          });
        },
        close() {
          req.destroy();
        },
        onEnd(callback) {
          if (res.readableEnded) callback();
          else res.once('end', callback);
        },
      });
    });
    req.on('error', reject);
  });
}
