/**
 * Each document's own extraction deadline, from reading its bytes to its last rule. Past it the document
 * fails with a reason naming the file, the deadline and the stage it was in, and the others go on. The
 * asynchronous stages stop at once (the PDF reader's worker is terminated, no further request goes to the
 * NLP engine); the synchronous rule stages are checked between stages, so a document can overrun its deadline
 * by the stage it is in, which is bounded because each stage is linear in the text and the text is at most
 * 10 MB (bench/README.md, "Import scaling").
 */
import { z } from 'zod';

/** Two minutes: an article takes under a second; a 1 MB document about 20 s of one engine thread. */
export const DEFAULT_DOCUMENT_TIMEOUT_MS = 120_000;

/** `IMPORT_DOCUMENT_TIMEOUT_MS`, read by the CLI here and by the server's config for its upload jobs. */
export const documentTimeoutSetting = z.coerce
  .number()
  .int()
  .min(1_000, 'must be at least 1000 (one second)')
  .max(3_600_000, 'must be at most 3600000 (one hour)')
  .default(DEFAULT_DOCUMENT_TIMEOUT_MS);

/** The deadline from the environment; a bad value is an error naming the variable. */
export function documentTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = documentTimeoutSetting.safeParse(env.IMPORT_DOCUMENT_TIMEOUT_MS || undefined);
  if (parsed.success) return parsed.data;
  throw new Error(
    `IMPORT_DOCUMENT_TIMEOUT_MS ${parsed.error.issues[0].message}, got "${env.IMPORT_DOCUMENT_TIMEOUT_MS}"`,
  );
}

export type DeadlineStage = 'reading' | 'cleaning and splitting' | 'annotating' | 'applying the rules';

export class DocumentDeadlineError extends Error {
  readonly file: string;
  readonly stage: DeadlineStage;
  constructor(file: string, ms: number, stage: DeadlineStage) {
    super(
      `${file}: not extracted within ${formatSeconds(ms)}, its deadline (IMPORT_DOCUMENT_TIMEOUT_MS), while ${stage}`,
    );
    this.name = 'DocumentDeadlineError';
    this.file = file;
    this.stage = stage;
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1_000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

export class DocumentDeadline {
  readonly signal: AbortSignal;
  private current: DeadlineStage = 'reading';

  constructor(
    readonly file: string,
    readonly ms: number,
  ) {
    this.signal = AbortSignal.timeout(ms);
  }

  /** Starts a stage; throws when the deadline has already passed. */
  enter(stage: DeadlineStage): void {
    this.check();
    this.current = stage;
  }

  check(): void {
    if (this.signal.aborted) throw this.error();
  }

  /** True once the deadline has passed: an error then is the deadline's doing, whatever the stage threw. */
  get passed(): boolean {
    return this.signal.aborted;
  }

  error(): DocumentDeadlineError {
    return new DocumentDeadlineError(this.file, this.ms, this.current);
  }

  /** `work`, or the deadline's error once it passes first. */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.signal.aborted) return Promise.reject(this.error());
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(this.error());
      this.signal.addEventListener('abort', onAbort, { once: true });
      work.then(
        (value) => {
          this.signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          this.signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}
