/** The importer's public surface. */
export { extractDocument, extractFiles, type ExtractFailure, type ExtractResult } from './extract';
export { openEngine, startEngine, EngineError, type NlpEngine } from './engine/nlp-engine';
export { toGraphologyJson } from './graphology-json';
export { mergeDocuments } from './merge';
export { storeBatch, type StoreBatchResult } from './store-batch';
export { runImport, type ImportInput, type ImportFileUpdate } from './run-import';
export { loadDocument, parseDocument, MAX_FILE_BYTES, MAX_CONTAINER_BYTES } from './load';
export { DocumentLoadError, type LoadFailureReason } from './errors';
export { scoreGraph, type GoldFile, type Score } from './eval/score';
