/**
 * Stores a batch of extracted documents the way every import does, from the CLI or an upload: the batch
 * joins the entities already stored (one merge, as if imported together), the documents go in batches, each
 * document whole or not at all, and once something was stored the analysts' curations are re-applied (both by
 * graph/neo4j/document-changes.ts, the one way documents change).
 * When the database stops answering, the documents still waiting are reported at once instead of each
 * waiting out the driver's retries.
 */
import type { Actor } from '../graph/model/api-types';
import type { ExtractedDocument } from '../graph/model/types';
import { DatabaseUnavailableError } from '../graph/errors';
import type { Neo4jConnection } from '../graph/neo4j/connection';
import { importDocuments, type CurationReplay } from '../graph/neo4j/document-changes';
import { readKnownEntities } from '../graph/neo4j/known-entities';
import type { StoreResult } from '../graph/neo4j/store-document';
import type { ExtractFailure } from './extract';
import { mergeDocuments } from './merge';

export interface StoreBatchOptions {
  /** Called once the batch is merged, before the first document is written. */
  onStart?: (count: number) => void;
  onStoring?: (doc: ExtractedDocument) => void;
  onStored?: (doc: ExtractedDocument, result: StoreResult) => void;
  onFailed?: (doc: ExtractedDocument, failure: ExtractFailure) => void;
  /** Asked between batches: true stops what is left (Ctrl-C, a server shutting down). */
  interrupted?: () => boolean;
  /** Who adds the documents: each stored one gets its document-log entry in the transaction that stores it. */
  audit?: { by: Actor; jobId?: string };
  /** Curations that no longer apply after the import (the CLI prints them). */
  onReplayNote?: (line: string) => void;
  /** A document with the title, source and published date of a stored one replaces it (uploads). */
  replaceSameTitle?: boolean;
}

export interface StoreBatchResult {
  stored: ExtractedDocument[];
  failures: ExtractFailure[];
}

function notStored(doc: ExtractedDocument, reason: string, why: string): ExtractFailure {
  return { file: doc.document.path, reason, message: `${doc.document.path}: not stored (${why})` };
}

export async function storeBatch(
  connection: Neo4jConnection,
  docs: ExtractedDocument[],
  options: StoreBatchOptions = {},
): Promise<StoreBatchResult> {
  const failures: ExtractFailure[] = [];
  const fail = (doc: ExtractedDocument, failure: ExtractFailure): void => {
    failures.push(failure);
    options.onFailed?.(doc, failure);
  };
  let merged: ExtractedDocument[];
  try {
    // A document imported today joins the entities earlier imports stored, as if imported with them.
    merged = mergeDocuments(docs, await readKnownEntities(connection));
  } catch (error) {
    for (const d of docs) fail(d, notStored(d, 'database-unavailable', (error as Error).message));
    return { stored: [], failures };
  }
  options.onStart?.(merged.length);
  const stored: ExtractedDocument[] = [];
  let replay: CurationReplay = { status: 'not-needed' };
  const reported = new Set<ExtractedDocument>();
  for (const d of merged) options.onStoring?.(d);
  try {
    // Documents go in batches, one transaction each; a document Neo4j refuses is named and the rest are stored.
    // The analysts' curations are then re-applied.
    const report = await importDocuments(connection, merged, {
      audit: options.audit,
      replaceSameTitle: options.replaceSameTitle,
      stopped: () => options.interrupted?.() ?? false,
      onStored: (result, d) => {
        reported.add(d);
        stored.push(d);
        options.onStored?.(d, result);
      },
      onFailed: (error, d) => {
        reported.add(d);
        fail(d, { file: d.document.path, reason: 'store-failed', message: error.message });
      },
    });
    replay = report.replay;
    for (const d of report.notAttempted) {
      reported.add(d);
      fail(d, notStored(d, 'interrupted', 'import interrupted'));
    }
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    for (const d of merged.filter((doc) => !reported.has(doc)))
      fail(d, notStored(d, 'database-unavailable', 'the database stopped answering'));
  }
  failures.push(...replayFailures(replay, options.onReplayNote));
  return { stored, failures };
}

/** What the CLI prints and a job reports of the curations' replay; curations that could not be re-applied fail. */
function replayFailures(replay: CurationReplay, onNote: ((line: string) => void) | undefined): ExtractFailure[] {
  if (replay.status === 'not-needed') return [];
  if (replay.status === 'failed') {
    return [
      {
        file: 'curation log',
        reason: 'curation-replay',
        message: `analysts' curations not re-applied (${replay.error.message}): run the import again once the database answers`,
      },
    ];
  }
  const { summary } = replay;
  if (summary.applied > 0) onNote?.(`Re-applied ${summary.applied} analyst curation(s) after the import`);
  for (const skipped of summary.skipped) onNote?.(`Curation #${skipped.seq} no longer applies: ${skipped.message}`);
  return summary.failed.map((failed) => ({
    file: 'curation log',
    reason: 'curation-replay',
    message: `curation #${failed.seq} could not be re-applied: ${failed.message}`,
  }));
}
