/**
 * The NLP engine for uploads, opened at the first job and shared by every job after it: the importer's own
 * `openEngine` (the engine at DOSSIER_NLP_URL, or a JVM of its own that loads its models in about 40 s).
 * A server that is never sent a document never starts it. If it cannot be opened, or stops answering during
 * a job, the job says why and the next job opens it again.
 */
import type { NlpEngine } from '../../import/engine/nlp-engine';

export class SharedEngine {
  private opening?: Promise<NlpEngine>;

  constructor(private readonly log: (line: string) => void) {}

  get(): Promise<NlpEngine> {
    if (!this.opening) {
      this.opening = import('../../import/engine/nlp-engine').then(({ openEngine }) => openEngine({ log: this.log }));
      this.opening.catch(() => (this.opening = undefined));
    }
    return this.opening;
  }

  /** Stops the engine if this server started it; the next `get` opens one again. */
  async close(): Promise<void> {
    const opening = this.opening;
    this.opening = undefined;
    const engine = await opening?.catch(() => undefined);
    await engine?.close();
  }
}
