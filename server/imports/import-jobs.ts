/**
 * Import jobs: an upload becomes a job at once, and jobs run one after another off the request path through
 * the importer (`runImport`: the same stages as `npm run import`), while the server goes on answering. Each
 * change of a file's state is published to the job's listeners (the SSE stream); final states are written
 * to the job's file first (`job-store.ts`). The uploaded bytes wait under the job's folder and go when the job
 * ends. One server process is assumed, as for the workshop event bus.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { NotFoundError } from '../../graph/errors';
import type { Actor, ImportJob, ImportJobFile } from '../../graph/model/api-types';
import type { Neo4jConnection } from '../../graph/neo4j/connection';
import { newId } from '../../graph/workshop/secrets';
import type { ImportFileUpdate, ImportInput } from '../../import/run-import';
import type { Config } from '../config';
import { DocumentsFeed } from './documents-feed';
import { FINAL_FILE_STATES } from '../../graph/model/api-types';
import { JobStore } from './job-store';
import type { ReceivedFile } from './receive-upload';
import { SharedEngine } from './shared-engine';

/** What a listener hears: a file moved on, or the job did. */
export type JobEvent = { type: 'file'; index: number; file: ImportJobFile } | { type: 'job'; job: ImportJob };

export interface ImportJobsDeps {
  connection: Neo4jConnection;
  uploads: Config['uploads'];
  logger: Logger;
  /** The engine jobs share; by default opened at the first job with the importer's `openEngine`. */
  engine?: SharedEngine;
  /** Where every open page hears that documents were stored or removed; by default one of its own. */
  feed?: DocumentsFeed;
}

export class ImportJobs {
  private opened?: JobStore;
  private readonly live = new Map<string, ImportJob>();
  private readonly events = new EventEmitter();
  private readonly engine: SharedEngine;
  /** Every open page hears here when a job stored documents (and the document routes say removals). */
  readonly feed: DocumentsFeed;
  private queue: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(private readonly deps: ImportJobsDeps) {
    this.engine = deps.engine ?? new SharedEngine((line) => deps.logger.info({ event: 'nlp-engine' }, line));
    this.events.setMaxListeners(0);
    this.feed = deps.feed ?? new DocumentsFeed();
  }

  /**
   * Opened at first use, so a server nobody uploads to never touches the file; opening reports jobs a
   * restart interrupted and drops the bytes they left behind.
   */
  private store(): JobStore {
    if (!this.opened) {
      this.opened = JobStore.open(this.deps.uploads.jobsDir, (message) => this.deps.logger.warn(message));
      rmSync(this.deps.uploads.dir, { recursive: true, force: true });
    }
    return this.opened;
  }

  /** A folder for the bytes of a job about to be created. */
  stagingFolder(): { jobId: string; dir: string } {
    this.store();
    const jobId = newId('job');
    const dir = path.join(this.deps.uploads.dir, jobId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { jobId, dir };
  }

  discard(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }

  /** Creates the job (files refused on arrival are failed already) and queues it; answers it at once. */
  create(jobId: string, dir: string, by: Actor, received: Array<ReceivedFile & { title?: string }>): ImportJob {
    const job: ImportJob = {
      id: jobId,
      state: 'queued',
      createdAt: new Date().toISOString(),
      by,
      files: received.map((f) =>
        f.refused
          ? { name: f.name, state: 'failed', code: f.refused.code, reason: f.refused.reason }
          : { name: f.name, state: 'queued' },
      ),
    };
    this.live.set(job.id, job);
    this.store().put(job);
    const inputs = received.flatMap((f, index): Array<ImportInput & { index: number }> =>
      f.path && !f.refused
        ? [
            {
              index,
              path: f.path,
              // Stored under the job, so that two people's "report.pdf" never replace each other.
              displayPath: `uploads/${jobId}/${index}/${f.name}`,
              name: f.name,
              title: f.title,
            },
          ]
        : [],
    );
    this.queue = this.queue.then(() => this.run(job, inputs, dir));
    return structuredClone(job);
  }

  get(id: string): ImportJob {
    const job = this.live.get(id) ?? this.store().get(id);
    if (!job) throw new NotFoundError(`No import job with id "${id}"`, { details: { id } });
    return structuredClone(job);
  }

  subscribe(id: string, listener: (event: JobEvent) => void): () => void {
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  /** Waits for the jobs queued so far (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /**
   * Stops storing the next document and gives the current one a few seconds to commit; a job still running
   * after that is reported as interrupted at the next start (its transaction rolls back when the driver
   * closes, so no document is left half-stored). Then the engine stops if the server started it.
   */
  async close(graceMs = 5_000): Promise<void> {
    this.closing = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.queue, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    await this.engine.close();
  }

  private setFile(job: ImportJob, index: number, change: ImportFileUpdate): void {
    const file = job.files[index];
    if (!file || FINAL_FILE_STATES.has(file.state)) return;
    Object.assign(file, change);
    if (FINAL_FILE_STATES.has(file.state)) this.store().put(job);
    this.events.emit(job.id, { type: 'file', index, file: structuredClone(file) } satisfies JobEvent);
  }

  private finish(job: ImportJob, reason?: string): void {
    for (let i = 0; i < job.files.length; i++) {
      if (!FINAL_FILE_STATES.has(job.files[i].state))
        this.setFile(job, i, {
          state: 'failed',
          code: 'not-imported',
          reason: `${job.files[i].name}: not imported (${reason ?? 'the job ended before it'})`,
        });
    }
    const imported = job.files.some((f) => f.state === 'done' || f.state === 'duplicate');
    job.state = imported ? 'done' : 'failed';
    if (reason) job.reason = reason;
    else if (!imported) job.reason = 'no file could be imported; see each file for why';
    job.finishedAt = new Date().toISOString();
    this.store().put(job);
    this.live.delete(job.id);
    this.events.emit(job.id, { type: 'job', job: structuredClone(job) } satisfies JobEvent);
    const stored = job.files.filter((f) => f.state === 'done' && f.documentId).map((f) => f.documentId!);
    if (stored.length)
      this.feed.publish({ action: 'imported', documentIds: stored, jobId: job.id, by: job.by, at: job.finishedAt });
  }

  private async run(job: ImportJob, inputs: Array<ImportInput & { index: number }>, dir: string): Promise<void> {
    job.state = 'running';
    this.store().put(job);
    this.events.emit(job.id, { type: 'job', job: structuredClone(job) } satisfies JobEvent);
    try {
      if (!inputs.length) return this.finish(job);
      let engine;
      try {
        engine = await this.engine.get();
      } catch (error) {
        return this.finish(job, `the NLP engine could not be started (${(error as Error).message})`);
      }
      const { runImport } = await import('../../import/run-import');
      const result = await runImport(this.deps.connection, inputs, {
        engine,
        audit: { by: job.by, jobId: job.id },
        interrupted: () => this.closing,
        timeoutMs: this.deps.uploads.documentTimeoutMs,
        onFile: (i, change) => this.setFile(job, inputs[i].index, change),
      });
      if (result.notes.length) this.deps.logger.warn({ event: 'import-notes', job: job.id, notes: result.notes });
      // An engine that stopped answering is let go: the next job opens it again instead of failing every file.
      if (job.files.some((f) => f.code === 'engine_failed' || f.code === 'engine_unreachable'))
        await this.engine.close();
      this.finish(job, this.closing ? 'the server was stopped during the job' : undefined);
    } catch (error) {
      this.deps.logger.error({ err: error, job: job.id }, 'import job failed');
      this.finish(job, `the import stopped (${(error as Error).message})`);
    } finally {
      this.discard(dir);
    }
  }
}
