/**
 * The two ways the documents change, an import and a removal, each followed by the analysts' curations
 * re-applied: an import recreates what the documents say (with the same stable ids) and a removal takes away
 * what only one said, and neither may undo an analyst's merge, rename or deleted relation. The import CLI, the
 * upload jobs, the document routes and the benchmarks all change documents through here, so the replay cannot
 * be forgotten by one of them. The documents stay stored when the replay fails: the report says so, and running
 * the replay again (the next import does) puts it right, since replaying is idempotent.
 */
import type { ExtractedDocument } from '../model/types';
import type { Neo4jConnection } from './connection';
import { replayCurations, type ReplaySummary } from './curation-repository';
import {
  removeStoredDocument,
  storeDocuments,
  type Audit,
  type StoreOptions,
  type StoreReport,
} from './store-document';

export type CurationReplay =
  | { status: 'replayed'; summary: ReplaySummary }
  /** Nothing was stored, so nothing can have undone a curation. */
  | { status: 'not-needed' }
  | { status: 'failed'; error: Error };

export interface ImportReport extends StoreReport {
  replay: CurationReplay;
}

/**
 * Stores the documents (storeDocuments: batches, each document whole or not at all), then re-applies the
 * curations once something was stored. A database that stops answering ends the import with
 * DatabaseUnavailableError before any replay.
 */
export async function importDocuments(
  connection: Neo4jConnection,
  documents: readonly ExtractedDocument[],
  options: StoreOptions = {},
): Promise<ImportReport> {
  const report = await storeDocuments(connection, documents, options);
  const replay = report.stored.length > 0 ? await replayAfterChange(connection) : { status: 'not-needed' as const };
  return { ...report, replay };
}

/**
 * Removes a document and everything only it contributed (removeStoredDocument), then re-applies the
 * curations. With `audit`, an unknown id is a NotFoundError and nothing is replayed.
 */
export async function removeDocument(
  connection: Neo4jConnection,
  documentId: string,
  options: { audit?: Audit } = {},
): Promise<{ replay: CurationReplay }> {
  await removeStoredDocument(connection, documentId, options);
  return { replay: await replayAfterChange(connection) };
}

async function replayAfterChange(connection: Neo4jConnection): Promise<CurationReplay> {
  try {
    return { status: 'replayed', summary: await replayCurations(connection) };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}
