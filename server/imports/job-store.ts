/**
 * Import jobs on disk: one small JSON file per job in the jobs folder (`DOSSIER_JOBS_DIR`, beside the
 * workshop store), replaced atomically (temporary file, then rename) whenever the job or one of its files
 * reaches a new final state, so that what a job did is still answered after a restart. A file per job keeps
 * each write as small as its job: a 500-file upload writes its own file 500 times, not the whole history.
 * A job the restart interrupted is reported as failed, "server restarted", with each file it had not
 * finished. The newest jobs are kept; older ones go.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FINAL_FILE_STATES, IMPORT_FILE_STATES, type ImportJob } from '../../graph/model/api-types';

const KEPT_JOBS = 200;
export const RESTARTED = 'server restarted';

const jobSchema = z.object({
  id: z.string().regex(/^job-[A-Za-z0-9_-]+$/),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  by: z.object({ name: z.string(), participantId: z.string().optional(), workshopId: z.string().optional() }),
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

const isFinished = (job: ImportJob) => job.state === 'done' || job.state === 'failed';

export class JobStore {
  private readonly jobs = new Map<string, ImportJob>();

  private constructor(private readonly dir: string) {}

  /**
   * Reads every job file of the folder (a missing folder is an empty store). A file that cannot be read as
   * a job is moved aside with a warning rather than keeping the server from uploading: it holds history,
   * not documents.
   */
  static open(dir: string, warn: (message: string) => void): JobStore {
    const store = new JobStore(dir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // A write the stop interrupted leaves its temporary file; the job's last complete state is beside it.
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.tmp'))) rmSync(path.join(dir, name));
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const file = path.join(dir, name);
      const checked = jobSchema.safeParse(safeJson(readFileSync(file, 'utf8')));
      if (checked.success && `${checked.data.id}.json` === name) store.jobs.set(checked.data.id, checked.data);
      else {
        renameSync(file, `${file}.unreadable`);
        warn(`Import job file ${file} is not a job; moved it to ${file}.unreadable.`);
      }
    }
    for (const job of store.jobs.values()) {
      if (isFinished(job)) continue;
      job.state = 'failed';
      job.reason = RESTARTED;
      job.finishedAt = new Date().toISOString();
      for (const f of job.files) {
        if (FINAL_FILE_STATES.has(f.state)) continue;
        f.state = 'failed';
        f.code = 'server-restarted';
        f.reason = `${f.name}: not imported (${RESTARTED} during the job; upload it again)`;
      }
      store.write(job);
    }
    store.prune();
    return store;
  }

  get(id: string): ImportJob | undefined {
    const job = this.jobs.get(id);
    return job && structuredClone(job);
  }

  /** Keeps a copy of `job` and writes its file; a new job may push the oldest finished one out. */
  put(job: ImportJob): void {
    const added = !this.jobs.has(job.id);
    this.jobs.set(job.id, structuredClone(job));
    this.write(job);
    if (added) this.prune();
  }

  private write(job: ImportJob): void {
    // Synchronous, as the workshop store: a final state is on disk before anyone is told of it.
    const file = path.join(this.dir, `${job.id}.json`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(job), { mode: 0o600 });
    renameSync(temporary, file);
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter(isFinished).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) {
      this.jobs.delete(job.id);
      rmSync(path.join(this.dir, `${job.id}.json`), { force: true });
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
