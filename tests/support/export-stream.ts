/** Runs an export writer into a stream that keeps every chunk it is handed, to read them back in tests. */
import { Writable } from 'node:stream';

export class ChunkCollector extends Writable {
  readonly chunks: Buffer[] = [];

  constructor(options: { highWaterMark?: number; slow?: boolean } = {}) {
    super({ highWaterMark: options.highWaterMark ?? 16_384, decodeStrings: true });
    this.slow = options.slow ?? false;
  }

  private readonly slow: boolean;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    if (this.slow) setImmediate(callback);
    else callback();
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }

  text(): string {
    return this.bytes().toString('utf8');
  }
}
