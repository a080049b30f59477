/**
 * The NLP engine for tests: global setup starts one real engine for the whole run and hands its address
 * to every test file through DOSSIER_NLP_URL, so each file connects instead of loading the models again.
 */
import { extractFiles, type ExtractResult } from '../../import/extract';
import { openEngine, type NlpEngine } from '../../import/engine/nlp-engine';

let engine: Promise<NlpEngine> | undefined;

export function testEngine(): Promise<NlpEngine> {
  engine ??= openEngine();
  return engine;
}

/** The importer's extraction with the test engine. */
export async function extractWithEngine(files: Array<{ path: string; displayPath?: string }>): Promise<ExtractResult> {
  return extractFiles(files, { engine: await testEngine() });
}
