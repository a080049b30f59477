/**
 * The importer's one way to the NLP engine: the JVM in `nlp/` (Emory NLP4J with its trained English
 * models), started here on loopback or reached at `DOSSIER_NLP_URL`. Sentences go in as text; tokens,
 * lemmas, part of speech, named entities and a dependency parse come back (`annotation.ts`).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { startJvm, type JvmChild } from '../../graph/jvm/java-project';
import { parseAnnotation, type EngineSentence } from './annotation';

export interface NlpEngine {
  /** Where the engine listens, for other processes (`DOSSIER_NLP_URL`). */
  readonly url: string;
  readonly token: string;
  /** The engine JVM's process id when this process started it (benchmarks read its CPU time). */
  readonly pid?: number;
  /**
   * Annotates the sentences of one document, sent in requests of at most `MAX_REQUEST_CHARS`; rejects with
   * an `EngineError` (`ENGINE_TIMEOUT`) once `signal` aborts (by default after 60 s) and sends nothing more.
   */
  annotate(sentences: Array<{ start: number; text: string }>, signal?: AbortSignal): Promise<EngineSentence[]>;
  /** Stops the JVM if this process started it; a shared engine is left running. */
  close(): Promise<void>;
}

export class EngineError extends Error {
  readonly code: 'ENGINE_TIMEOUT' | 'ENGINE_FAILED' | 'ENGINE_UNREACHABLE';
  constructor(code: EngineError['code'], message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'EngineError';
    this.code = code;
  }
}

const ENGINE_PROJECT = {
  dir: path.resolve(__dirname, '..', '..', 'nlp'),
  what: 'the NLP engine (NLP4J)',
  mainClass: 'dev.dossier.nlp.Engine',
  download: 'about 260 MB of trained English models',
};

/**
 * The models take about 2.0 GB of heap once loaded. 2.5 GB of heap leaves the parser room on every core
 * and keeps the whole JVM under 3 GB of memory (measured: 2.7 GB resident after annotating; with a 3 GB
 * heap it grew to 3.2 GB). Below about 2.3 GB the models no longer load.
 */
const ENGINE_HEAP = '2560m';
const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Sentences go to the engine in requests of about this many characters (about 8,000 tokens, under a second
 * of one engine thread), never one request per document: the engine refuses bodies over 8 MB, and a request
 * the importer gave up on is decoded to its end all the same, so a deadline stops the engine's work within
 * one such request instead of leaving it minutes of a huge document to decode for nobody.
 */
export const MAX_REQUEST_CHARS = 50_000;

export interface OpenEngineOptions {
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

/** Connects to `DOSSIER_NLP_URL` (+ `DOSSIER_NLP_TOKEN`) when set, otherwise starts an engine of its own. */
export async function openEngine(options: OpenEngineOptions = {}): Promise<NlpEngine> {
  const url = process.env.DOSSIER_NLP_URL;
  if (url) {
    const token = process.env.DOSSIER_NLP_TOKEN ?? '';
    const engine = new HttpEngine(url, token, undefined);
    await engine.check();
    return engine;
  }
  return startEngine(options);
}

export async function startEngine(options: OpenEngineOptions = {}): Promise<NlpEngine> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const token = randomBytes(24).toString('hex');
  log('Starting the NLP engine (loading its models takes about 40 s)…');
  const jvm = await startJvm({
    project: ENGINE_PROJECT,
    jvmArgs: [`-Xmx${ENGINE_HEAP}`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError'],
    env: {
      DOSSIER_NLP_TOKEN: token,
      DOSSIER_NLP_PORT: '0',
      DOSSIER_NLP_THREADS: String(os.availableParallelism()),
    },
    readyPrefix: 'DOSSIER_NLP_READY ',
    errorPrefix: 'DOSSIER_NLP_ERROR ',
    timeoutMs: options.startTimeoutMs ?? 300_000,
    log,
  });
  return new HttpEngine(String(jvm.ready.url), token, jvm);
}

class HttpEngine implements NlpEngine {
  constructor(
    readonly url: string,
    readonly token: string,
    private readonly jvm: JvmChild | undefined,
  ) {}

  get pid(): number | undefined {
    return this.jvm?.child.pid;
  }

  async check(): Promise<void> {
    try {
      const res = await fetch(`${this.url}/health`, { headers: this.headers(), signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`answered ${res.status}`);
    } catch (error) {
      throw new EngineError(
        'ENGINE_UNREACHABLE',
        `The NLP engine at ${this.url} does not answer (${(error as Error).message}): unset DOSSIER_NLP_URL to let the importer start its own.`,
        { cause: error },
      );
    }
  }

  async annotate(
    sentences: Array<{ start: number; text: string }>,
    signal: AbortSignal = AbortSignal.timeout(DEFAULT_TIMEOUT_MS),
  ): Promise<EngineSentence[]> {
    const out: EngineSentence[] = [];
    for (let from = 0; from < sentences.length;) {
      let to = from;
      let chars = 0;
      while (to < sentences.length && (to === from || chars + sentences[to].text.length < MAX_REQUEST_CHARS))
        chars += sentences[to++].text.length + 1;
      const chunk = sentences.slice(from, to);
      for (const sentence of await this.annotateRequest(chunk, signal)) out.push(sentence);
      from = to;
    }
    return out;
  }

  private async annotateRequest(
    sentences: Array<{ start: number; text: string }>,
    signal: AbortSignal,
  ): Promise<EngineSentence[]> {
    // One sentence per line: line breaks inside a sentence become spaces, which keeps every offset.
    const body = sentences.map((s) => s.text.replace(/[\r\n\u2028\u2029]/g, ' ')).join('\n');
    let res: Response;
    let answer: string;
    try {
      signal.throwIfAborted();
      res = await fetch(`${this.url}/annotate`, {
        method: 'POST',
        headers: { ...this.headers(), 'Content-Type': 'text/plain; charset=utf-8' },
        body,
        signal,
      });
      answer = await res.text();
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new EngineError('ENGINE_TIMEOUT', 'the NLP engine did not finish in time', { cause: error });
      if (this.jvm && this.jvm.child.exitCode !== null)
        throw new EngineError('ENGINE_FAILED', `the NLP engine stopped (exit code ${this.jvm.child.exitCode})`);
      throw new EngineError('ENGINE_UNREACHABLE', `the NLP engine does not answer (${(error as Error).message})`, {
        cause: error,
      });
    }
    if (!res.ok) throw new EngineError('ENGINE_FAILED', `the NLP engine answered ${res.status}: ${answer.trim()}`);
    return parseAnnotation(answer, sentences);
  }

  async close(): Promise<void> {
    await this.jvm?.stop();
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}` };
  }
}
