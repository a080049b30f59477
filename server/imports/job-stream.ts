/**
 * One import job as server-sent events: `snapshot` (the whole job) first, then `file` ({index, file}) each
 * time a file moves on and `job` when the job does; the stream ends after the job's final state. A client
 * that reconnects gets a fresh snapshot, so nothing it missed is lost.
 */
import type { Request, Response } from 'express';
import { formatEvent, startEventStream } from '../http/event-stream-response';
import type { ImportJobs, JobEvent } from './import-jobs';

const HEARTBEAT_MS = 15_000;

export function openJobStream(req: Request, res: Response, jobs: ImportJobs, id: string): void {
  const job = jobs.get(id); // a NotFoundError before any header is sent answers 404
  startEventStream(res);
  res.write(formatEvent('snapshot', job));
  if (job.state === 'done' || job.state === 'failed') return void res.end();
  const heartbeat = setInterval(() => !res.writableEnded && res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const unsubscribe = jobs.subscribe(id, (event: JobEvent) => {
    if (res.writableEnded) return;
    if (event.type === 'file') res.write(formatEvent('file', { index: event.index, file: event.file }));
    else {
      res.write(formatEvent('job', event.job));
      if (event.job.state === 'done' || event.job.state === 'failed') stop(true);
    }
  });
  function stop(end: boolean): void {
    clearInterval(heartbeat);
    unsubscribe();
    if (end) res.end();
  }
  req.on('close', () => stop(false));
}
