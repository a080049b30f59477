/**
 * Import jobs on disk: one JSON file beside the workshop store, replaced atomically (temporary file, then
 * rename) whenever a job or one of its files reaches a new final state, so that what a job did is still
 * answered after a restart. A job the restart interrupted is reported as failed, "server restarted", with
 * each file it had not finished. The newest jobs are kept; older ones go.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { IMPORT_FILE_STATES, type ImportJob } from '../../graph/model/api-types';

const KEPT_JOBS = 200;
export const RESTARTED = 'server restarted';

const actorSchema = z.object({
  name: z.string(),
  participantId: z.string().optional(),
  workshopId: z.string().optional(),
});
const jobSchema = z.object({
  id: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  by: actorSchema,
  reason: z.string().optional(),
  files: z.array(
    z.object({
      name: z.string(),
      state: z.enum(IMPORT_FILE_STATES),
      reason: z.string().optional(),
      code: z.string().optional(),
      documentId: z.string().optional(),
    }),
  ),
});
const fileSchema = z.object({ version: z.literal(1), jobs: z.array(jobSchema) });

export const FINAL_FILE_STATES = new Set(['done', 'duplicate', 'failed']);

export class JobStore {
  private readonly jobs = new Map<string, ImportJob>();

  private constructor(private readonly file: string) {}

  /**
   * Reads the file (a missing one is an empty store). A file that cannot be read as jobs is moved aside
   * with a warning rather than keeping the server from uploading: it holds history, not documents.
   */
  static open(file: string, warn: (message: string) => void): JobStore {
    const store = new JobStore(file);
    let text: string | undefined;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== undefined) {
      const parsed = safeJson(text);
      const checked = fileSchema.safeParse(parsed);
      if (checked.success) for (const job of checked.data.jobs) store.jobs.set(job.id, job);
      else {
        const aside = `${file}.unreadable-${Date.now()}`;
        renameSync(file, aside);
        warn(`Import job file ${file} is not a job list; moved it to ${aside} and started a new one.`);
      }
    }
    let interrupted = false;
    for (const job of store.jobs.values()) {
      if (job.state === 'done' || job.state === 'failed') continue;
      interrupted = true;
      job.state = 'failed';
      job.reason = RESTARTED;
      job.finishedAt = new Date().toISOString();
      for (const f of job.files) {
        if (FINAL_FILE_STATES.has(f.state)) continue;
        f.state = 'failed';
        f.code = 'server-restarted';
        f.reason = `${f.name}: not imported (${RESTARTED} during the job; upload it again)`;
      }
    }
    if (interrupted) store.save();
    return store;
  }

  get(id: string): ImportJob | undefined {
    const job = this.jobs.get(id);
    return job && structuredClone(job);
  }

  /** Keeps a copy of `job` and writes the file. */
  put(job: ImportJob): void {
    this.jobs.delete(job.id); // re-inserted last: the map's order is the order of last change
    this.jobs.set(job.id, structuredClone(job));
    while (this.jobs.size > KEPT_JOBS) {
      const oldest = [...this.jobs.values()].find((j) => j.state === 'done' || j.state === 'failed');
      if (!oldest) break;
      this.jobs.delete(oldest.id);
    }
    this.save();
  }

  private save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    // Synchronous, as the workshop store: a final state is on disk before anyone is told of it.
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: 1, jobs: [...this.jobs.values()] }), { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
