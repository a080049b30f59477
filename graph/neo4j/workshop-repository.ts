/**
 * Workshops in Neo4j, apart from extracted facts: (:Workshop) with its (:Participant)s, (:SavedView)s and
 * (:Annotation)s, and analysts' hypotheses as (:Entity)-[:HYPOTHESIS]->(:Entity) relationships that carry
 * no evidence. Nested objects (positions, camera, filters, styling) are JSON strings, because Neo4j
 * properties cannot be maps. Join codes and participant tokens are stored only as SHA-256 hashes.
 */
import type { Node, Relationship } from 'neo4j-driver';
import { NotFoundError, UnauthorizedError } from '../errors';
import type { AnnotationTarget, SavedViewInput, SavedViewPatch } from '../workshop/schemas';
import type { Annotation, Hypothesis, Participant, SavedView, Workshop } from '../workshop/types';
import { hashSecret, newId, newJoinCode, newParticipantToken, normaliseJoinCode } from '../workshop/secrets';
import type { Neo4jConnection } from './connection';
import { toNumber } from './read-query';
import { writeQuery } from './workshop-write-query';

export type { Annotation, Hypothesis, Participant, SavedView, Workshop };

export interface Author {
  name: string;
  id: string;
}

const now = () => new Date().toISOString();
const str = (value: unknown) => (typeof value === 'string' ? value : '');

function toWorkshop(node: Node): Workshop {
  const p = node.properties;
  return {
    id: str(p.id),
    name: str(p.name),
    createdAt: str(p.createdAt),
    createdBy: str(p.createdBy),
    presentation: Array.isArray(p.presentation) ? p.presentation.map(String) : [],
  };
}

function toParticipant(node: Node): Participant {
  const p = node.properties;
  return {
    id: str(p.id),
    workshopId: str(p.workshop),
    displayName: str(p.displayName),
    role: p.role === 'editor' ? 'editor' : 'viewer',
    joinedAt: str(p.joinedAt),
  };
}

function parseJson<T>(value: unknown, fallback: T): T {
  if (typeof value !== 'string') return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

function toView(node: Node): SavedView {
  const p = node.properties;
  return {
    id: str(p.id),
    workshopId: str(p.workshop),
    name: str(p.name),
    description: str(p.description),
    nodeIds: Array.isArray(p.nodeIds) ? p.nodeIds.map(String) : [],
    positions: parseJson(p.positionsJson, {}),
    camera: parseJson(p.cameraJson, null),
    filters: parseJson(p.filtersJson, {}),
    styling: parseJson(p.stylingJson, {}),
    notes: str(p.notes),
    author: str(p.author),
    authorId: str(p.authorId),
    createdAt: str(p.createdAt),
    updatedAt: str(p.updatedAt),
  };
}

function toAnnotation(node: Node): Annotation {
  const p = node.properties;
  return {
    id: str(p.id),
    workshopId: str(p.workshop),
    targetKind: str(p.targetKind) as AnnotationTarget,
    targetId: str(p.targetId),
    text: str(p.text),
    author: str(p.author),
    authorId: str(p.authorId),
    createdAt: str(p.createdAt),
  };
}

function toHypothesis(rel: Relationship, sourceId: string, targetId: string): Hypothesis {
  const p = rel.properties;
  return {
    id: str(p.id),
    workshopId: str(p.workshop),
    sourceId,
    targetId,
    label: str(p.label),
    note: str(p.note),
    author: str(p.author),
    authorId: str(p.authorId),
    createdAt: str(p.createdAt),
  };
}

// ---- workshops and participants ---------------------------------------------------------------------

export interface CreatedWorkshop {
  workshop: Workshop;
  editorCode: string;
  viewerCode: string;
  participant: Participant;
  token: string;
}

/** Creates a workshop with one join code per role; its creator joins as an editor. Codes are shown only now. */
export async function createWorkshop(
  connection: Neo4jConnection,
  name: string,
  creatorName: string,
): Promise<CreatedWorkshop> {
  const editorCode = newJoinCode();
  const viewerCode = newJoinCode();
  const token = newParticipantToken();
  const at = now();
  return writeQuery(connection, async (tx) => {
    const result = await tx.run(
      `CREATE (w:Workshop {id: $id, name: $name, createdAt: $at, createdBy: $creator, editorCodeHash: $editorHash, viewerCodeHash: $viewerHash, presentation: []})
       CREATE (w)-[:HAS_PARTICIPANT]->(p:Participant {id: $participantId, workshop: $id, displayName: $creator, role: 'editor', tokenHash: $tokenHash, joinedAt: $at})
       RETURN w, p`,
      {
        id: newId('ws'),
        name,
        at,
        creator: creatorName,
        editorHash: hashSecret(normaliseJoinCode(editorCode)),
        viewerHash: hashSecret(normaliseJoinCode(viewerCode)),
        participantId: newId('par'),
        tokenHash: hashSecret(token),
      },
    );
    const record = result.records[0];
    return {
      workshop: toWorkshop(record.get('w')),
      editorCode,
      viewerCode,
      participant: toParticipant(record.get('p')),
      token,
    };
  });
}

/** Joins the workshop whose editor or viewer code this is; the code decides the role. */
export async function joinWorkshop(
  connection: Neo4jConnection,
  code: string,
  displayName: string,
): Promise<{ workshop: Workshop; participant: Participant; token: string }> {
  const codeHash = hashSecret(normaliseJoinCode(code));
  const token = newParticipantToken();
  return writeQuery(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (w:Workshop) WHERE w.editorCodeHash = $codeHash OR w.viewerCodeHash = $codeHash
       WITH w, CASE WHEN w.editorCodeHash = $codeHash THEN 'editor' ELSE 'viewer' END AS role LIMIT 1
       CREATE (w)-[:HAS_PARTICIPANT]->(p:Participant {id: $participantId, workshop: w.id, displayName: $displayName, role: role, tokenHash: $tokenHash, joinedAt: $at})
       RETURN w, p`,
      { codeHash, participantId: newId('par'), displayName, tokenHash: hashSecret(token), at: now() },
    );
    const record = result.records[0];
    if (!record)
      throw new UnauthorizedError('join: no workshop has this code; check it with whoever created the workshop');
    return { workshop: toWorkshop(record.get('w')), participant: toParticipant(record.get('p')), token };
  });
}

/** The participant a token belongs to, if that participant is in this workshop. */
export async function participantForToken(
  connection: Neo4jConnection,
  workshopId: string,
  token: string,
): Promise<Participant | null> {
  return writeQuery(
    connection,
    async (tx) => {
      const result = await tx.run('MATCH (p:Participant {tokenHash: $hash}) WHERE p.workshop = $workshopId RETURN p', {
        hash: hashSecret(token),
        workshopId,
      });
      const node = result.records[0]?.get('p') as Node | undefined;
      return node ? toParticipant(node) : null;
    },
    'read',
  );
}

/** Removes a participant: their token stops working at once. What they wrote stays, under their name. */
export async function removeParticipant(
  connection: Neo4jConnection,
  workshopId: string,
  participantId: string,
): Promise<Participant> {
  return writeQuery(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (p:Participant {id: $participantId}) WHERE p.workshop = $workshopId
       WITH p, properties(p) AS props
       DETACH DELETE p
       RETURN props`,
      { workshopId, participantId },
    );
    const props = result.records[0]?.get('props') as Record<string, unknown> | undefined;
    if (!props)
      throw new NotFoundError(`No participant "${participantId}" in workshop "${workshopId}"`, {
        details: { participantId },
      });
    return toParticipant({ properties: props } as unknown as Node);
  });
}

export async function getWorkshop(
  connection: Neo4jConnection,
  id: string,
): Promise<{ workshop: Workshop; participants: Participant[] }> {
  return writeQuery(
    connection,
    async (tx) => {
      const result = await tx.run(
        `MATCH (w:Workshop {id: $id}) OPTIONAL MATCH (w)-[:HAS_PARTICIPANT]->(p:Participant)
         RETURN w, collect(p) AS participants`,
        { id },
      );
      const record = result.records[0];
      if (!record) throw new NotFoundError(`No workshop with id "${id}"`, { details: { id } });
      const participants = (record.get('participants') as Node[])
        .map(toParticipant)
        .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
      return { workshop: toWorkshop(record.get('w')), participants };
    },
    'read',
  );
}

// ---- saved views ----------------------------------------------------------------------------------

function viewProperties(input: Partial<SavedViewInput>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  if (input.name !== undefined) props.name = input.name;
  if (input.description !== undefined) props.description = input.description;
  if (input.nodeIds !== undefined) props.nodeIds = input.nodeIds;
  if (input.positions !== undefined) props.positionsJson = JSON.stringify(input.positions);
  if (input.camera !== undefined) props.cameraJson = JSON.stringify(input.camera);
  if (input.filters !== undefined) props.filtersJson = JSON.stringify(input.filters);
  if (input.styling !== undefined) props.stylingJson = JSON.stringify(input.styling);
  if (input.notes !== undefined) props.notes = input.notes;
  return props;
}

export async function listViews(connection: Neo4jConnection, workshopId: string): Promise<SavedView[]> {
  return writeQuery(
    connection,
    async (tx) => {
      const result = await tx.run('MATCH (v:SavedView {workshop: $workshopId}) RETURN v ORDER BY v.updatedAt DESC', {
        workshopId,
      });
      return result.records.map((r) => toView(r.get('v')));
    },
    'read',
  );
}

export async function getView(connection: Neo4jConnection, workshopId: string, viewId: string): Promise<SavedView> {
  return writeQuery(
    connection,
    async (tx) => {
      const result = await tx.run('MATCH (v:SavedView {id: $viewId, workshop: $workshopId}) RETURN v', {
        workshopId,
        viewId,
      });
      const node = result.records[0]?.get('v') as Node | undefined;
      if (!node)
        throw new NotFoundError(`No saved view "${viewId}" in workshop "${workshopId}"`, { details: { viewId } });
      return toView(node);
    },
    'read',
  );
}

export async function createView(
  connection: Neo4jConnection,
  workshopId: string,
  input: SavedViewInput,
  author: Author,
): Promise<SavedView> {
  const at = now();
  return writeQuery(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (w:Workshop {id: $workshopId})
       CREATE (w)-[:HAS_VIEW]->(v:SavedView {id: $id, workshop: $workshopId, author: $author, authorId: $authorId, createdAt: $at, updatedAt: $at})
       SET v += $props
       RETURN v`,
      { workshopId, id: newId('view'), author: author.name, authorId: author.id, at, props: viewProperties(input) },
    );
    const node = result.records[0]?.get('v') as Node | undefined;
    if (!node) throw new NotFoundError(`No workshop with id "${workshopId}"`, { details: { id: workshopId } });
    return toView(node);
  });
}

export async function updateView(
  connection: Neo4jConnection,
  workshopId: string,
  viewId: string,
  patch: SavedViewPatch,
): Promise<SavedView> {
  return writeQuery(connection, async (tx) => {
    const result = await tx.run(
      'MATCH (v:SavedView {id: $viewId, workshop: $workshopId}) SET v += $props, v.updatedAt = $at RETURN v',
      {
        workshopId,
        viewId,
        props: viewProperties(patch),
        at: now(),
      },
    );
    const node = result.records[0]?.get('v') as Node | undefined;
    if (!node)
      throw new NotFoundError(`No saved view "${viewId}" in workshop "${workshopId}"`, { details: { viewId } });
    return toView(node);
  });
}

export async function duplicateView(
  connection: Neo4jConnection,
  workshopId: string,
  viewId: string,
  name: string | undefined,
  author: Author,
): Promise<SavedView> {
  const original = await getView(connection, workshopId, viewId);
  const { id: _id, workshopId: _w, author: _a, authorId: _ai, createdAt: _c, updatedAt: _u, ...input } = original;
  void [_id, _w, _a, _ai, _c, _u];
  return createView(
    connection,
    workshopId,
    { ...input, name: name ?? `${original.name} (copy)`.slice(0, 200) },
    author,
  );
}

export async function deleteView(connection: Neo4jConnection, workshopId: string, viewId: string): Promise<void> {
  await writeQuery(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (v:SavedView {id: $viewId, workshop: $workshopId})
       WITH v, v.id AS deleted
       DETACH DELETE v
       WITH deleted
       MATCH (w:Workshop {id: $workshopId})
       SET w.presentation = [id IN w.presentation WHERE id <> $viewId]
       RETURN deleted`,
      { workshopId, viewId },
    );
    if (result.records.length === 0)
      throw new NotFoundError(`No saved view "${viewId}" in workshop "${workshopId}"`, { details: { viewId } });
  });
}

// ---- presentation ---------------------------------------------------------------------------------

export async function setPresentation(
  connection: Neo4jConnection,
  workshopId: string,
  viewIds: string[],
): Promise<string[]> {
  return writeQuery(connection, async (tx) => {
    const known = await tx.run(
      'MATCH (v:SavedView {workshop: $workshopId}) WHERE v.id IN $viewIds RETURN collect(v.id) AS ids',
      { workshopId, viewIds },
    );
    const found = new Set(known.records[0].get('ids') as string[]);
    const unknown = viewIds.filter((id) => !found.has(id));
    if (unknown.length > 0)
      throw new NotFoundError(`presentation: no saved view "${unknown[0]}" in workshop "${workshopId}"`, {
        details: { unknown },
      });
    const result = await tx.run(
      'MATCH (w:Workshop {id: $workshopId}) SET w.presentation = $viewIds RETURN w.presentation AS presentation',
      { workshopId, viewIds },
    );
    return result.records[0].get('presentation') as string[];
  });
}

export async function getPresentation(connection: Neo4jConnection, workshopId: string): Promise<SavedView[]> {
  const { workshop } = await getWorkshop(connection, workshopId);
  const views = new Map((await listViews(connection, workshopId)).map((view) => [view.id, view]));
  return workshop.presentation.map((id) => views.get(id)).filter((view): view is SavedView => view !== undefined);
}

// ---- annotations ----------------------------------------------------------------------------------

export async function addAnnotation(
  connection: Neo4jConnection,
  workshopId: string,
  input: { targetKind: AnnotationTarget; targetId: string; text: string },
  author: Author,
): Promise<Annotation> {
  return writeQuery(connection, async (tx) => {
    const result = await tx.run(
      `MATCH (w:Workshop {id: $workshopId})
       CREATE (w)-[:HAS_ANNOTATION]->(a:Annotation {id: $id, workshop: $workshopId, targetKind: $targetKind, targetId: $targetId, text: $text,
                                                   author: $author, authorId: $authorId, createdAt: $at})
       RETURN a`,
      { workshopId, id: newId('ann'), ...input, author: author.name, authorId: author.id, at: now() },
    );
    const node = result.records[0]?.get('a') as Node | undefined;
    if (!node) throw new NotFoundError(`No workshop with id "${workshopId}"`, { details: { id: workshopId } });
    return toAnnotation(node);
  });
}

/**
 * A workshop's annotations, oldest first; for one target also those written on entities merged into it
 * (an annotation keeps the id it was written on).
 */
export async function listAnnotations(
  connection: Neo4jConnection,
  workshopId: string,
  filter: { targetKind?: AnnotationTarget; targetId?: string },
): Promise<Annotation[]> {
  return writeQuery(
    connection,
    async (tx) => {
      const result = await tx.run(
        `OPTIONAL MATCH (e:Entity {id: $targetId})
         WITH CASE WHEN $targetId IS NULL THEN null ELSE [$targetId] + coalesce(e.mergedIds, []) END AS targetIds
         MATCH (a:Annotation {workshop: $workshopId})
         WHERE ($targetKind IS NULL OR a.targetKind = $targetKind) AND (targetIds IS NULL OR a.targetId IN targetIds)
         RETURN a ORDER BY a.createdAt ASC`,
        { workshopId, targetKind: filter.targetKind ?? null, targetId: filter.targetId ?? null },
      );
      return result.records.map((r) => toAnnotation(r.get('a')));
    },
    'read',
  );
}

export async function deleteAnnotation(
  connection: Neo4jConnection,
  workshopId: string,
  annotationId: string,
): Promise<void> {
  await writeQuery(connection, async (tx) => {
    const result = await tx.run(
      'MATCH (a:Annotation {id: $annotationId, workshop: $workshopId}) DETACH DELETE a RETURN count(*) AS deleted',
      { workshopId, annotationId },
    );
    if (toNumber(result.records[0].get('deleted')) === 0)
      throw new NotFoundError(`No annotation "${annotationId}" in workshop "${workshopId}"`, {
        details: { annotationId },
      });
  });
}

// ---- hypotheses -----------------------------------------------------------------------------------

export async function addHypothesis(
  connection: Neo4jConnection,
  workshopId: string,
  input: { sourceId: string; targetId: string; label: string; note: string },
  author: Author,
): Promise<Hypothesis> {
  return writeQuery(connection, async (tx) => {
    const ends = await tx.run(
      'MATCH (n:Entity) WHERE n.id IN [$sourceId, $targetId] RETURN collect(n.id) AS ids',
      input,
    );
    const found = new Set(ends.records[0].get('ids') as string[]);
    for (const field of ['sourceId', 'targetId'] as const) {
      if (!found.has(input[field]))
        throw new NotFoundError(`hypothesis: no entity with id "${input[field]}" (${field})`, {
          details: { field, id: input[field] },
        });
    }
    const result = await tx.run(
      `MATCH (a:Entity {id: $sourceId}) MATCH (b:Entity {id: $targetId})
       CREATE (a)-[h:HYPOTHESIS {id: $id, label: $label, note: $note, author: $author, authorId: $authorId, createdAt: $at, workshop: $workshopId}]->(b)
       RETURN h`,
      { ...input, id: newId('hyp'), author: author.name, authorId: author.id, at: now(), workshopId },
    );
    return toHypothesis(result.records[0].get('h'), input.sourceId, input.targetId);
  });
}

export async function listHypotheses(
  connection: Neo4jConnection,
  workshopId: string,
  filter: { entityId?: string; label?: string },
): Promise<Hypothesis[]> {
  return writeQuery(
    connection,
    async (tx) => {
      const result = await tx.run(
        `MATCH (a:Entity)-[h:HYPOTHESIS {workshop: $workshopId}]->(b:Entity)
         WHERE ($entityId IS NULL OR a.id = $entityId OR b.id = $entityId) AND ($label IS NULL OR toLower(h.label) = toLower($label))
         RETURN h, a.id AS sourceId, b.id AS targetId ORDER BY h.createdAt ASC`,
        { workshopId, entityId: filter.entityId ?? null, label: filter.label ?? null },
      );
      return result.records.map((r) => toHypothesis(r.get('h'), r.get('sourceId'), r.get('targetId')));
    },
    'read',
  );
}

export async function deleteHypothesis(
  connection: Neo4jConnection,
  workshopId: string,
  hypothesisId: string,
): Promise<void> {
  await writeQuery(connection, async (tx) => {
    const result = await tx.run(
      'MATCH ()-[h:HYPOTHESIS {id: $hypothesisId, workshop: $workshopId}]->() DELETE h RETURN count(*) AS deleted',
      { workshopId, hypothesisId },
    );
    if (toNumber(result.records[0].get('deleted')) === 0)
      throw new NotFoundError(`No hypothesis "${hypothesisId}" in workshop "${workshopId}"`, {
        details: { hypothesisId },
      });
  });
}
