/**
 * The curation log: every analyst correction is applied and recorded as a :Curation node in the same
 * write transaction, numbered in order (`seq`), with the exact state of its scope before and after.
 * `undoCuration` restores the before state of the latest curation; `replayCurations` re-applies every
 * curation not undone, in order, after an import, and is idempotent.
 *
 * Curations are serialised within this process by one queue (a single server process is assumed; the
 * `seq` uniqueness constraint makes a second process fail loudly instead of interleaving).
 */
import neo4j, { type ManagedTransaction, type Node } from 'neo4j-driver';
import { InvalidInputError, NotFoundError } from '../errors';
import { newId } from '../workshop/secrets';
import { curationDiff } from '../workshop/curation-diff';
import { rebaseSnapshots, sameSnapshot, touchedIds } from '../workshop/snapshot-compare';
import { curationBody, type CurationKind, type CurationPayload } from '../workshop/schemas';
import type { CurationRecord, CurationScope, CurationSummary, Snapshot } from '../workshop/types';
import { checkedEntityLabel, checkedRelationshipType } from '../workshop/curation-rules';
import type { Neo4jConnection } from './connection';
import { applyCuration, curationScope, type ApplyOutcome, type CurationResolved } from './curation-apply';
import { captureSnapshot, restoreSnapshot } from './curation-snapshot';
import { toNumber } from './driver-numbers';
import { inRead, inWrite } from './transaction';

export interface CurationActor {
  author: string; // display name
  authorId: string; // participant id
  workshopId: string;
}

export type { CurationRecord, CurationSummary };

let queue: Promise<unknown> = Promise.resolve();

/** Runs curation work one at a time in this process. */
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

function toRecord(node: Node): CurationRecord {
  const p = node.properties;
  const stored = JSON.parse(String(p.payloadJson)) as { payload: CurationPayload };
  const before = JSON.parse(String(p.beforeJson)) as Snapshot;
  const after = JSON.parse(String(p.afterJson)) as Snapshot;
  return {
    id: String(p.id),
    seq: toNumber(p.seq),
    kind: String(p.kind) as CurationKind,
    author: String(p.author),
    authorId: String(p.authorId ?? ''),
    workshopId: String(p.workshop ?? ''),
    at: String(p.at),
    payload: stored.payload,
    diff: curationDiff(before, after),
    before,
    after,
    undone: p.undone === true,
    undoneAt: typeof p.undoneAt === 'string' ? p.undoneAt : null,
    undoneBy: typeof p.undoneBy === 'string' ? p.undoneBy : null,
    replayedAt: typeof p.replayedAt === 'string' ? p.replayedAt : null,
    outcome: String(p.outcome ?? 'applied'),
  };
}

/** A log entry without its (possibly large) snapshots: what lists and live events carry. */
export function toSummary(record: CurationRecord): CurationSummary {
  const { before: _before, after: _after, ...summary } = record;
  void [_before, _after];
  return summary;
}

function readStored(node: Node): { payload: CurationPayload; resolved: CurationResolved; scope: CurationScope } {
  const stored = JSON.parse(String(node.properties.payloadJson)) as {
    payload: unknown;
    resolved?: CurationResolved;
    scope?: CurationScope;
  };
  return {
    payload: curationBody.parse(stored.payload),
    resolved: stored.resolved ?? {},
    scope: stored.scope ?? { entityIds: [], relationIds: [] },
  };
}

/** Every label and type in a snapshot must be one undo can recreate: checked before anything changes. */
function assertRestorable(snapshot: Snapshot, kind: string): void {
  for (const state of Object.values(snapshot.entities))
    state?.labels.forEach((label) => checkedEntityLabel(label, kind));
  for (const rel of snapshot.relationships) checkedRelationshipType(rel.type, kind);
}

interface Applied {
  scope: CurationScope;
  before: Snapshot;
  after: Snapshot;
  outcome: ApplyOutcome;
}

async function applyInTransaction(
  tx: ManagedTransaction,
  payload: CurationPayload,
  context: { mode: 'apply' | 'replay'; author: string; at: string; resolved: CurationResolved },
): Promise<Applied> {
  const scope = await curationScope(tx, payload, context.resolved);
  const before = await captureSnapshot(tx, scope);
  assertRestorable(before, payload.kind);
  const outcome = await applyCuration(tx, payload, context);
  const after = await captureSnapshot(tx, scope);
  return { scope, before, after, outcome };
}

/** Applies one curation and appends it to the log; answers the log entry. */
export function applyAndRecordCuration(
  connection: Neo4jConnection,
  payload: CurationPayload,
  actor: CurationActor,
): Promise<CurationRecord> {
  return serialised(() =>
    inWrite(connection, async (tx) => {
      const at = new Date().toISOString();
      const resolved: CurationResolved = {};
      const { scope, before, after, outcome } = await applyInTransaction(tx, payload, {
        mode: 'apply',
        author: actor.author,
        at,
        resolved,
      });
      const seqResult = await tx.run('MATCH (c:Curation) RETURN coalesce(max(c.seq), 0) + 1 AS seq');
      const created = await tx.run(
        `CREATE (c:Curation {id: $id, seq: $seq, kind: $kind, author: $author, authorId: $authorId, workshop: $workshop, at: $at,
                 payloadJson: $payloadJson, beforeJson: $beforeJson, afterJson: $afterJson, undone: false, outcome: $outcome})
         RETURN c`,
        {
          id: newId('cur'),
          seq: seqResult.records[0].get('seq'),
          kind: payload.kind,
          author: actor.author,
          authorId: actor.authorId,
          workshop: actor.workshopId,
          at,
          payloadJson: JSON.stringify({ payload, resolved, scope }),
          beforeJson: JSON.stringify(before),
          afterJson: JSON.stringify(after),
          outcome: outcome.message ? `${outcome.status}: ${outcome.message}` : outcome.status,
        },
      );
      return toRecord(created.records[0].get('c'));
    }),
  );
}

/** The audit log, newest first, as summaries (each with what it changed); `getCuration` has the snapshots. */
export async function listCurations(
  connection: Neo4jConnection,
  options: { workshopId?: string; limit?: number } = {},
): Promise<CurationSummary[]> {
  return inRead(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (c:Curation) WHERE $workshop IS NULL OR c.workshop = $workshop
       RETURN c ORDER BY c.seq DESC LIMIT $limit`,
      { workshop: options.workshopId ?? null, limit: neo4j.int(options.limit ?? 500) },
    );
    return result.records.map((record) => toSummary(toRecord(record.get('c'))));
  });
}

export async function getCuration(connection: Neo4jConnection, id: string): Promise<CurationRecord> {
  return inRead(connection, async (tx) => {
    const result = await tx.run('MATCH (c:Curation {id: $id}) RETURN c', { id });
    const node = result.records[0]?.get('c') as Node | undefined;
    if (!node) throw new NotFoundError(`No curation with id "${id}"`, { details: { id } });
    return toRecord(node);
  });
}

/**
 * Undoes the latest curation not yet undone (or `curationId`, which must be that one): its scope goes
 * back exactly to the recorded before state. Refused when the graph in scope is no longer the recorded
 * after state (something else changed it since), because restoring would silently lose that change.
 */
export function undoCuration(
  connection: Neo4jConnection,
  by: string,
  options: { curationId?: string; workshopId?: string } = {},
): Promise<CurationRecord> {
  return serialised(() =>
    inWrite(connection, async (tx) => {
      const latest = await tx.run('MATCH (c:Curation) WHERE c.undone = false RETURN c ORDER BY c.seq DESC LIMIT 1');
      const node = latest.records[0]?.get('c') as Node | undefined;
      if (!node) throw new NotFoundError('undo: there is no curation left to undo');
      const id = String(node.properties.id);
      if (options.curationId && options.curationId !== id) {
        const asked = await tx.run('MATCH (c:Curation {id: $id}) RETURN c.undone AS undone', {
          id: options.curationId,
        });
        if (asked.records.length === 0)
          throw new NotFoundError(`undo: no curation with id "${options.curationId}"`, {
            details: { id: options.curationId },
          });
        const why = asked.records[0].get('undone')
          ? 'it is already undone'
          : `the later curation ${id} (#${toNumber(node.properties.seq)}) must be undone first`;
        throw new InvalidInputError(`undo: curation ${options.curationId} cannot be undone: ${why}`, {
          details: { id: options.curationId, latest: id },
        });
      }
      if (options.workshopId && node.properties.workshop !== options.workshopId) {
        throw new InvalidInputError(
          `undo: the latest curation (${id}) was made in another workshop; only that workshop can undo it`,
          {
            details: { id, workshop: node.properties.workshop },
          },
        );
      }
      const { scope } = readStored(node);
      const before = JSON.parse(String(node.properties.beforeJson)) as Snapshot;
      const after = JSON.parse(String(node.properties.afterJson)) as Snapshot;
      const current = await captureSnapshot(tx, scope);
      if (!sameSnapshot(current, after)) {
        throw new InvalidInputError(
          `undo: the graph around curation ${id} changed after it was applied; undoing it now would lose those changes`,
          {
            details: { id },
          },
        );
      }
      await restoreSnapshot(tx, scope, before);
      const updated = await tx.run(
        'MATCH (c:Curation {id: $id}) SET c.undone = true, c.undoneAt = $at, c.undoneBy = $by RETURN c',
        {
          id,
          at: new Date().toISOString(),
          by,
        },
      );
      return toRecord(updated.records[0].get('c'));
    }),
  );
}

/** Ids of curations (in `seq` order) whose scope a later one shares. */
function curationsWithLaterOverlap(nodes: Node[]): Set<string> {
  const touched = nodes.map((node) => {
    try {
      const { scope } = readStored(node);
      return touchedIds(
        scope,
        JSON.parse(String(node.properties.beforeJson)),
        JSON.parse(String(node.properties.afterJson)),
      );
    } catch {
      return new Set<string>(); // unreadable: its replay fails and says so
    }
  });
  const result = new Set<string>();
  nodes.forEach((node, i) => {
    for (let j = i + 1; j < nodes.length; j++) {
      if ([...touched[i]].some((id) => touched[j].has(id))) {
        result.add(String(node.properties.id));
        return;
      }
    }
  });
  return result;
}

export interface ReplaySummary {
  applied: number; // curations that changed the graph again
  unchanged: number; // already in effect: nothing to do
  skipped: Array<{ id: string; seq: number; message: string }>; // what they name is gone
  failed: Array<{ id: string; seq: number; message: string }>;
}

/**
 * Re-applies every curation not undone, in `seq` order, each in its own transaction. Call it after
 * every import: the importer recreates what documents say (with the same stable ids), and this puts
 * the analysts' corrections back. Running it twice changes nothing the second time. A curation that
 * changed the graph again gets fresh before/after snapshots, so undo still restores the state just
 * before it.
 */
export function replayCurations(connection: Neo4jConnection): Promise<ReplaySummary> {
  return serialised(async () => {
    const summary: ReplaySummary = { applied: 0, unchanged: 0, skipped: [], failed: [] };
    const nodes = await inRead(connection, async (tx) => {
      const result = await tx.run('MATCH (c:Curation) WHERE c.undone = false RETURN c ORDER BY c.seq ASC');
      return result.records.map((record) => record.get('c') as Node);
    });
    const laterOverlap = curationsWithLaterOverlap(nodes);
    for (const node of nodes) {
      const id = String(node.properties.id);
      const seq = toNumber(node.properties.seq);
      try {
        const { payload, resolved } = readStored(node);
        const outcome = await inWrite(connection, async (tx) => {
          const at = new Date().toISOString();
          const result = await applyInTransaction(tx, payload, {
            mode: 'replay',
            author: String(node.properties.author),
            at: String(node.properties.at),
            resolved,
          });
          if (result.outcome.status === 'skipped') {
            await tx.run('MATCH (c:Curation {id: $id}) SET c.replayedAt = $at, c.outcome = $outcome', {
              id,
              at,
              outcome: `skipped: ${result.outcome.message}`,
            });
            return { kind: 'skipped' as const, message: result.outcome.message ?? 'skipped' };
          }
          if (sameSnapshot(result.before, result.after)) {
            // Already in effect. If an import changed the scope around it, carry that into `before` so
            // undo keeps it — unless a later curation shares the scope (its effects are not outside changes).
            const storedBefore = JSON.parse(String(node.properties.beforeJson)) as Snapshot;
            const storedAfter = JSON.parse(String(node.properties.afterJson)) as Snapshot;
            if (!sameSnapshot(result.after, storedAfter) && !laterOverlap.has(id)) {
              const rebased = rebaseSnapshots(storedBefore, storedAfter, result.after);
              if (rebased) {
                await tx.run(
                  'MATCH (c:Curation {id: $id}) SET c.replayedAt = $at, c.beforeJson = $before, c.afterJson = $after',
                  {
                    id,
                    at,
                    before: JSON.stringify(rebased.before),
                    after: JSON.stringify(rebased.after),
                  },
                );
              }
            }
            return { kind: 'unchanged' as const };
          }
          await tx.run(
            `MATCH (c:Curation {id: $id})
             SET c.replayedAt = $at, c.beforeJson = $before, c.afterJson = $after, c.payloadJson = $payloadJson, c.outcome = 'replayed'`,
            {
              id,
              at,
              before: JSON.stringify(result.before),
              after: JSON.stringify(result.after),
              payloadJson: JSON.stringify({ payload, resolved, scope: result.scope }),
            },
          );
          return { kind: 'applied' as const };
        });
        if (outcome.kind === 'skipped') summary.skipped.push({ id, seq, message: outcome.message });
        else if (outcome.kind === 'unchanged') summary.unchanged++;
        else summary.applied++;
      } catch (error) {
        summary.failed.push({ id, seq, message: (error as Error).message });
      }
    }
    return summary;
  });
}
