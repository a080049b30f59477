/**
 * One import of a set of files, reporting each file's state as it goes: reading -> extracting -> storing
 * -> done, or duplicate (the same content is stored already, or came earlier in the same set), or failed
 * with the reason. The same stages as the CLI (`extractFiles`, then `storeBatch`); the caller decides where
 * the files come from and who is told (the server's import jobs).
 */
import type { Actor, ImportFileState } from '../graph/model/api-types';
import type { Neo4jConnection } from '../graph/neo4j/connection';
import { isDocumentStored } from '../graph/neo4j/document-repository';
import type { NlpEngine } from './engine/nlp-engine';
import { extractFiles, type ExtractFailure } from './extract';
import { storeBatch } from './store-batch';

export interface ImportInput {
  /** Where the bytes are. */
  path: string;
  /** The path the document is stored under; unique within the import. */
  displayPath: string;
  /** The name a person knows the file by, used in reasons instead of `displayPath`. */
  name: string;
  /** A title given with pasted text. */
  title?: string;
}

export interface ImportFileUpdate {
  state: ImportFileState;
  reason?: string;
  code?: string;
  documentId?: string;
}

export interface RunImportOptions {
  engine: NlpEngine;
  onFile: (index: number, update: ImportFileUpdate) => void;
  audit?: { by: Actor; jobId?: string };
  interrupted?: () => boolean;
}

export interface RunImportResult {
  /** What concerns the whole import rather than one file (a curation that could not be re-applied). */
  notes: string[];
}

export async function runImport(
  connection: Neo4jConnection,
  inputs: ImportInput[],
  options: RunImportOptions,
): Promise<RunImportResult> {
  const indexOf = new Map(inputs.map((input, index) => [input.displayPath, index]));
  const update = (displayPath: string, change: ImportFileUpdate): void => {
    const index = indexOf.get(displayPath);
    if (index !== undefined) options.onFile(index, change);
  };
  // A reason names the file as the person knows it, not by where it waits on the server.
  const failed = (failure: ExtractFailure): ImportFileUpdate => {
    const input = inputs[indexOf.get(failure.file) ?? -1];
    const reason = input ? failure.message.split(input.displayPath).join(input.name) : failure.message;
    return { state: 'failed', code: failure.reason, reason };
  };

  let databaseDown = false;
  const extracted = await extractFiles(
    inputs.map((input) => ({ path: input.path, displayPath: input.displayPath, title: input.title })),
    {
      engine: options.engine,
      onStage: (file, stage) => update(file, { state: stage }),
      onDocument: (file, ok, failure) => !ok && failure && update(file, failed(failure)),
      onDuplicate: ({ file, documentId }) => update(file, { state: 'duplicate', documentId }),
      isStored: async (id) => {
        // A database that does not answer is reported when the batch is stored, for every file; asking it
        // again per file would only wait out the driver's retries each time.
        if (databaseDown) return false;
        return isDocumentStored(connection, id).catch(() => {
          databaseDown = true;
          return false;
        });
      },
    },
  );
  if (!extracted.documents.length) return { notes: [] };
  const stored = await storeBatch(connection, extracted.documents, {
    audit: options.audit,
    // An upload's path is its own (uploads/<job>/…): an edited document is known by its title, source and date.
    replaceSameTitle: true,
    interrupted: options.interrupted,
    onStoring: (d) => update(d.document.path, { state: 'storing', documentId: d.document.id }),
    onStored: (d, result) =>
      update(d.document.path, {
        state: result.outcome === 'unchanged' ? 'duplicate' : 'done',
        documentId: result.documentId,
      }),
    onFailed: (d, failure) => update(d.document.path, failed(failure)),
  });
  return { notes: stored.failures.filter((f) => !indexOf.has(f.file)).map((f) => f.message) };
}
