/**
 * The audit log of documents: who added a document, and when, as `(:DocumentLog)` nodes written in the
 * same transaction as the document itself, so that no document is stored without its record (the curation
 * log keeps its records beside the graph the same way). Entries are never changed or deleted; a removal is
 * one more entry (`action: "removed"`).
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { DocumentLogEntry, ImportChanges } from '../model/api-types';
import type { Neo4jConnection } from './connection';
import { inRead } from './transaction';
import { withDriverIntegers } from './storage/driver-values';
import { encodeImportChanges } from './storage/import-changes-codec';

export type { DocumentLogEntry };

/** With `changes`, what the import changed is kept on its entry (import-changes-codec.ts). */
export async function recordDocumentLog(
  tx: ManagedTransaction,
  entry: DocumentLogEntry,
  changes?: ImportChanges,
): Promise<void> {
  await tx.run(
    `CREATE (l:DocumentLog {id: $id, action: $action, documentId: $documentId, title: $title, fileName: $fileName,
             at: $at, byName: $byName, byParticipant: $byParticipant, byWorkshop: $byWorkshop, jobId: $jobId,
             replacedDocumentIds: $replaced})
     SET l += $changes`,
    {
      replaced: entry.replacedDocumentIds?.length ? entry.replacedDocumentIds : null,
      changes: changes ? withDriverIntegers(encodeImportChanges(changes)) : {},
      id: entry.id,
      action: entry.action,
      documentId: entry.documentId,
      title: entry.title,
      fileName: entry.fileName,
      at: entry.at,
      byName: entry.by.name,
      byParticipant: entry.by.participantId ?? null,
      byWorkshop: entry.by.workshopId ?? null,
      jobId: entry.jobId ?? null,
    },
  );
}

/** Newest first; `workshopId` narrows to what was done from one workshop. */
export async function listDocumentLog(
  connection: Neo4jConnection,
  options: { limit?: number; workshopId?: string } = {},
): Promise<DocumentLogEntry[]> {
  return inRead(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (l:DocumentLog) WHERE $workshop IS NULL OR l.byWorkshop = $workshop
       WITH l ORDER BY l.at DESC, l.id DESC LIMIT $limit
       // The entry without the changes it keeps: those are read one import at a time.
       RETURN l { .id, .action, .documentId, .title, .fileName, .at, .byName, .byParticipant, .byWorkshop, .jobId,
                  .replacedDocumentIds } AS l`,
      { workshop: options.workshopId ?? null, limit: neo4j.int(options.limit ?? 200) },
    );
    return result.records.map((record) => toDocumentLogEntry(record.get('l') as Record<string, unknown>));
  });
}

/** One entry as its node's properties hold it. */
export function toDocumentLogEntry(p: Record<string, unknown>): DocumentLogEntry {
  const optional = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    id: String(p.id),
    action: p.action === 'removed' ? 'removed' : 'imported',
    documentId: String(p.documentId),
    title: String(p.title ?? ''),
    fileName: String(p.fileName ?? ''),
    at: String(p.at),
    by: {
      name: String(p.byName ?? ''),
      participantId: optional(p.byParticipant),
      workshopId: optional(p.byWorkshop),
    },
    jobId: optional(p.jobId),
    ...(Array.isArray(p.replacedDocumentIds) ? { replacedDocumentIds: p.replacedDocumentIds.map(String) } : {}),
  };
}
