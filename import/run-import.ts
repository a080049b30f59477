/**
 * One import of a set of files, reporting each file's state as it goes: reading -> extracting -> storing
 * -> done, or duplicate (the same content is stored already, or came earlier in the same set), or failed
 * with the reason. The same stages as the CLI (`extractFiles`, each document stored as soon as it is extracted
 * by a `StoreQueue`, so that a file that fails or runs into its deadline never costs the others); the caller
 * decides where the files come from and who is told (the server's import jobs).
 */
import type { Actor, ImportFileState } from '../graph/model/api-types';
import type { Neo4jConnection } from '../graph/neo4j/connection';
import { isDocumentStored } from '../graph/neo4j/document-repository';
import type { NlpEngine } from './engine/nlp-engine';
import { extractFiles, type ExtractFailure } from './extract';
import { StoreQueue } from './store-queue';

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
  /** Each document's extraction deadline (`IMPORT_DOCUMENT_TIMEOUT_MS`). */
  timeoutMs?: number;
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
  const queue = new StoreQueue(connection, {
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
  await extractFiles(
    inputs.map((input) => ({ path: input.path, displayPath: input.displayPath, title: input.title })),
    {
      engine: options.engine,
      timeoutMs: options.timeoutMs,
      interrupted: options.interrupted,
      onStage: (file, stage) => update(file, { state: stage }),
      onDocument: (file, ok, failure) => !ok && failure && update(file, failed(failure)),
      onDuplicate: ({ file, documentId }) => update(file, { state: 'duplicate', documentId }),
      onExtracted: (doc) => queue.add(doc),
      isStored: async (id) => {
        // A database that does not answer is reported when the document is stored; asking it again per file
        // would only wait out the driver's retries each time.
        if (databaseDown) return false;
        return isDocumentStored(connection, id).catch(() => {
          databaseDown = true;
          return false;
        });
      },
    },
  );
  const stored = await queue.finish();
  return { notes: stored.failures.filter((f) => !indexOf.has(f.file)).map((f) => f.message) };
}
