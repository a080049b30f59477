/**
 * Documents stored as they are extracted, so that a file that hangs until its deadline, fails, or is still
 * being read when the process is stopped never costs the documents already done: each one is written as
 * soon as the store is free, whole or not at all (`storeBatch`, one transaction per batch). Documents that
 * come while a batch is being written wait and go together in the next one, so a fast extraction makes
 * fewer, larger batches. Each batch joins the entities stored before it (`storeBatch` reads them), which
 * gives the graph importing the documents together gives (tests/import/cli-incremental.test.ts).
 */
import type { ExtractedDocument } from '../graph/model/types';
import type { Neo4jConnection } from '../graph/neo4j/connection';
import type { ExtractFailure } from './extract';
import { storeBatch, type StoreBatchOptions, type StoreBatchResult } from './store-batch';

export class StoreQueue {
  private waiting: ExtractedDocument[] = [];
  private writing: Promise<void> = Promise.resolve();
  private busy = false;
  /** What a batch threw that was not the database going away (a bug): `finish` throws it. */
  private error?: unknown;
  private databaseDown?: string;
  private readonly stored: ExtractedDocument[] = [];
  private readonly failures: ExtractFailure[] = [];
  /** The curations' replay as the last batch that had a word on it said: each batch replays them. */
  private replayNotes: string[] = [];
  private replayFailures: ExtractFailure[] = [];

  constructor(
    private readonly connection: Neo4jConnection,
    private readonly options: StoreBatchOptions = {},
  ) {}

  /** Queues a document; it is written with the next batch. */
  add(doc: ExtractedDocument): void {
    if (this.databaseDown !== undefined) return this.fail(doc, this.databaseDown);
    if (this.options.interrupted?.()) return this.fail(doc, 'import interrupted', 'interrupted');
    this.waiting.push(doc);
    if (!this.busy && this.error === undefined)
      this.writing = this.writeWaiting().catch((error: unknown) => {
        this.error = error;
      });
  }

  /** Waits for every queued document to be written; what was stored and what failed, in order. */
  async finish(): Promise<StoreBatchResult> {
    await this.writing;
    if (this.error !== undefined) throw this.error;
    for (const line of this.replayNotes) this.options.onReplayNote?.(line);
    return { stored: this.stored, failures: [...this.failures, ...this.replayFailures] };
  }

  private async writeWaiting(): Promise<void> {
    this.busy = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting;
        this.waiting = [];
        if (this.databaseDown !== undefined) {
          for (const doc of batch) this.fail(doc, this.databaseDown);
          continue;
        }
        const notes: string[] = [];
        const result = await storeBatch(this.connection, batch, {
          ...this.options,
          onReplayNote: (line) => notes.push(line),
        });
        this.stored.push(...result.stored);
        const curation = result.failures.filter((f) => f.reason === 'curation-replay');
        this.failures.push(...result.failures.filter((f) => f.reason !== 'curation-replay'));
        if (result.stored.length || curation.length) {
          // a later batch finds the curations already re-applied and says nothing: the earlier word stands
          if (notes.length) this.replayNotes = notes;
          this.replayFailures = curation;
        }
        // A database that stopped answering fails the documents after it at once, instead of each batch
        // waiting out the driver's retries again.
        if (result.failures.some((f) => f.reason === 'database-unavailable'))
          this.databaseDown = 'the database stopped answering';
      }
    } finally {
      this.busy = false;
    }
  }

  private fail(doc: ExtractedDocument, why: string, reason = 'database-unavailable'): void {
    const failure = { file: doc.document.path, reason, message: `${doc.document.path}: not stored (${why})` };
    this.failures.push(failure);
    this.options.onFailed?.(doc, failure);
  }
}
