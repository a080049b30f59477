/**
 * An import job as the client follows it: the job the server answered, changed by its events (pure
 * producers, as the other stores of the explorer), and the summary shown when it ends.
 */
import type { ImportJob, ImportJobFile } from '../../graph/model/api-types';

export type JobEvent =
  | { type: 'snapshot'; job: ImportJob }
  | { type: 'file'; index: number; file: ImportJobFile }
  | { type: 'job'; job: ImportJob };

/** One frame of a job's event stream, or null for one that is not JSON (nothing is lost: the next snapshot tells). */
export function parseJobEvent(type: JobEvent['type'], data: string): JobEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  if (type !== 'file') return { type, job: parsed as ImportJob };
  const { index, file } = parsed as { index?: unknown; file?: ImportJobFile };
  return typeof index === 'number' && file ? { type, index, file } : null;
}

export function isFinished(job: ImportJob): boolean {
  return job.state === 'done' || job.state === 'failed';
}

/** The job after one event of its stream; a file event never moves a file that already ended. */
export function applyJobEvent(job: ImportJob, event: JobEvent): ImportJob {
  if (event.type !== 'file') return event.job;
  const current = job.files[event.index];
  if (!current || ['done', 'duplicate', 'failed'].includes(current.state)) return job;
  const files = job.files.slice();
  files[event.index] = event.file;
  return { ...job, files };
}

export interface JobSummary {
  added: number;
  duplicates: number;
  failed: number;
  pending: number;
}

export function summarise(job: ImportJob): JobSummary {
  const count = (states: string[]) => job.files.filter((f) => states.includes(f.state)).length;
  return {
    added: count(['done']),
    duplicates: count(['duplicate']),
    failed: count(['failed']),
    pending: count(['queued', 'reading', 'extracting', 'storing']),
  };
}

/** "2 added, 1 already there, 1 failed" — or how far it is while it runs. */
export function summaryText(job: ImportJob): string {
  const s = summarise(job);
  const parts = [`${s.added} added`];
  if (s.duplicates) parts.push(`${s.duplicates} already there`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (!isFinished(job)) parts.push(`${s.pending} to go`);
  return parts.join(', ');
}

/** Documents the job added, for showing them in the graph. */
export function addedDocumentIds(job: ImportJob): string[] {
  return job.files.filter((f) => f.state === 'done' && f.documentId).map((f) => f.documentId!);
}

export const FILE_STATE_WORDS: Record<ImportJobFile['state'], string> = {
  queued: 'queued',
  reading: 'reading',
  extracting: 'extracting',
  storing: 'storing',
  done: 'done',
  duplicate: 'already there',
  failed: 'failed',
};
