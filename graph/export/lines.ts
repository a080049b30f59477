/**
 * Collects the lines of a large text. Joining every small piece once at the end kept millions of strings
 * alive until then, which the garbage collector copied into its old generation (about a third of an
 * export's CPU time); joining them every few thousand lines lets them die young and keeps only flat chunks.
 */
const CHUNK_LINES = 4096;

export class Lines {
  private readonly chunks: string[] = [];
  private pending: string[] = [];

  constructor(private readonly separator: string) {}

  push(...lines: string[]): void {
    for (const line of lines) this.pending.push(line);
    if (this.pending.length >= CHUNK_LINES) this.flush();
  }

  /** The lines joined with the separator, exactly as `lines.join(separator)` would. */
  toString(): string {
    this.flush();
    return this.chunks.join(this.separator);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.pending.join(this.separator));
    this.pending = [];
  }
}
