/**
 * Text written to a stream in chunks. Writers append small strings (`write`), which V8 joins lazily, and
 * hand the stream one flat chunk of about 64 KiB at a time (`flushIfFull`), waiting whenever the stream
 * asks to drain: memory stays at a chunk or two whatever the size of the export (a 100k-node GEXF was
 * 188 MB built as one string), and a slow client slows the writer down instead of filling the heap.
 */
import type { Writable } from 'node:stream';

const CHUNK_CHARS = 1 << 16;

/** The export's reader went away (the HTTP client disconnected, the file closed): writing stops. */
export class StreamClosedError extends Error {
  constructor() {
    super('export: the stream closed before the export was written');
    this.name = 'StreamClosedError';
  }
}

export function waitForDrain(stream: Writable): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.reject(new StreamClosedError());
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new StreamClosedError());
    const onError = (error: Error) => done(error);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onError);
  });
}

/** Where chunks go: a stream, a zip entry. Resolves when it can take the next one. */
export type ChunkSink = (chunk: string) => void | Promise<void>;

/** Writes to a Node stream, waiting for it to drain when it asks. */
export function streamSink(stream: Writable): ChunkSink {
  return async (chunk) => {
    if (stream.destroyed || stream.writableEnded) throw new StreamClosedError();
    if (!stream.write(chunk)) await waitForDrain(stream);
  };
}

export class ChunkedText {
  private pending = '';

  constructor(
    private readonly sink: ChunkSink,
    private readonly chunkChars = CHUNK_CHARS,
  ) {}

  write(text: string): void {
    this.pending += text;
  }

  /** Hands the pending text to the stream once it has reached a chunk; call between elements. */
  async flushIfFull(): Promise<void> {
    if (this.pending.length >= this.chunkChars) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    await this.sink(chunk);
  }
}
