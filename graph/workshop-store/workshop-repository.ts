/**
 * Workshops, participants, saved views, the presentation order, annotations and hypotheses, in the
 * workshop store (workshop-store.ts), never in Neo4j. Join codes and participant tokens are kept only as
 * SHA-256 hashes. Every read and write names its workshop: a row of another workshop is "not found".
 * The fact graph is only read, to check that entities exist and to follow merges.
 */
import { NotFoundError, UnauthorizedError } from '../errors';
import type { Neo4jConnection } from '../neo4j/connection';
import { currentEntityIds, idsStandingFor } from '../neo4j/current-entities';
import type { AnnotationTarget, SavedViewInput, SavedViewPatch } from '../workshop/schemas';
import { hashSecret, newId, newJoinCode, newParticipantToken, normaliseJoinCode } from '../workshop/secrets';
import type { Annotation, Hypothesis, Participant, SavedView, Workshop } from '../workshop/types';
import type { StoredParticipant, StoredWorkshop, WorkshopStore } from './workshop-store';

export type { Annotation, Hypothesis, Participant, SavedView, Workshop };

export interface Author {
  name: string;
  id: string;
}

const now = () => new Date().toISOString();

function publicWorkshop({ editorCodeHash: _e, viewerCodeHash: _v, ...workshop }: StoredWorkshop): Workshop {
  return workshop;
}

function publicParticipant({ tokenHash: _t, ...participant }: StoredParticipant): Participant {
  return participant;
}

function workshopOf(store: WorkshopStore, id: string): StoredWorkshop {
  const workshop = store.get('workshops', id);
  if (!workshop) throw new NotFoundError(`No workshop with id "${id}"`, { details: { id } });
  return workshop;
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
export function createWorkshop(store: WorkshopStore, name: string, creatorName: string): CreatedWorkshop {
  const editorCode = newJoinCode();
  const viewerCode = newJoinCode();
  const token = newParticipantToken();
  const at = now();
  const workshop: StoredWorkshop = {
    id: newId('ws'),
    name,
    createdAt: at,
    createdBy: creatorName,
    presentation: [],
    editorCodeHash: hashSecret(normaliseJoinCode(editorCode)),
    viewerCodeHash: hashSecret(normaliseJoinCode(viewerCode)),
  };
  const participant: StoredParticipant = {
    id: newId('par'),
    workshopId: workshop.id,
    displayName: creatorName,
    role: 'editor',
    joinedAt: at,
    tokenHash: hashSecret(token),
  };
  store.put('workshops', workshop);
  store.put('participants', participant);
  return {
    workshop: publicWorkshop(workshop),
    editorCode,
    viewerCode,
    participant: publicParticipant(participant),
    token,
  };
}

/** Joins the workshop whose editor or viewer code this is; the code decides the role. */
export function joinWorkshop(
  store: WorkshopStore,
  code: string,
  displayName: string,
): { workshop: Workshop; participant: Participant; token: string } {
  const codeHash = hashSecret(normaliseJoinCode(code));
  const [workshop] = store.list('workshops', (w) => w.editorCodeHash === codeHash || w.viewerCodeHash === codeHash);
  if (!workshop)
    throw new UnauthorizedError('join: no workshop has this code; check it with whoever created the workshop');
  const token = newParticipantToken();
  const participant: StoredParticipant = {
    id: newId('par'),
    workshopId: workshop.id,
    displayName,
    role: workshop.editorCodeHash === codeHash ? 'editor' : 'viewer',
    joinedAt: now(),
    tokenHash: hashSecret(token),
  };
  store.put('participants', participant);
  return { workshop: publicWorkshop(workshop), participant: publicParticipant(participant), token };
}

/** The participant a token belongs to, if that participant is in this workshop. */
export function participantForToken(store: WorkshopStore, workshopId: string, token: string): Participant | null {
  const participant = store.participantByTokenHash(hashSecret(token));
  return participant && participant.workshopId === workshopId ? publicParticipant(participant) : null;
}

/** Removes a participant: their token stops working at once. What they wrote stays, under their name. */
export function removeParticipant(store: WorkshopStore, workshopId: string, participantId: string): Participant {
  const participant = store.get('participants', participantId);
  if (!participant || participant.workshopId !== workshopId)
    throw new NotFoundError(`No participant "${participantId}" in workshop "${workshopId}"`, {
      details: { participantId },
    });
  store.remove('participants', participantId);
  return publicParticipant(participant);
}

export function getWorkshop(store: WorkshopStore, id: string): { workshop: Workshop; participants: Participant[] } {
  const workshop = workshopOf(store, id);
  const participants = store
    .list('participants', (p) => p.workshopId === id)
    .map(publicParticipant)
    .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  return { workshop: publicWorkshop(workshop), participants };
}

// ---- saved views ----------------------------------------------------------------------------------

export function listViews(store: WorkshopStore, workshopId: string): SavedView[] {
  return store.list('views', (v) => v.workshopId === workshopId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function getView(store: WorkshopStore, workshopId: string, viewId: string): SavedView {
  const view = store.get('views', viewId);
  if (!view || view.workshopId !== workshopId)
    throw new NotFoundError(`No saved view "${viewId}" in workshop "${workshopId}"`, { details: { viewId } });
  return view;
}

export function createView(store: WorkshopStore, workshopId: string, input: SavedViewInput, author: Author): SavedView {
  workshopOf(store, workshopId);
  const at = now();
  const view: SavedView = {
    id: newId('view'),
    workshopId,
    name: input.name,
    description: input.description ?? '',
    nodeIds: input.nodeIds ?? [],
    positions: input.positions ?? {},
    camera: input.camera ?? null,
    filters: input.filters ?? {},
    styling: input.styling ?? {},
    notes: input.notes ?? '',
    author: author.name,
    authorId: author.id,
    createdAt: at,
    updatedAt: at,
  };
  store.put('views', view);
  return view;
}

export function updateView(store: WorkshopStore, workshopId: string, viewId: string, patch: SavedViewPatch): SavedView {
  const view = getView(store, workshopId, viewId);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const updated: SavedView = { ...view, ...defined, updatedAt: now() };
  store.put('views', updated);
  return updated;
}

export function duplicateView(
  store: WorkshopStore,
  workshopId: string,
  viewId: string,
  name: string | undefined,
  author: Author,
): SavedView {
  const original = getView(store, workshopId, viewId);
  return createView(store, workshopId, { ...original, name: name ?? `${original.name} (copy)`.slice(0, 200) }, author);
}

export function deleteView(store: WorkshopStore, workshopId: string, viewId: string): void {
  getView(store, workshopId, viewId);
  const workshop = workshopOf(store, workshopId);
  store.remove('views', viewId);
  store.put('workshops', { ...workshop, presentation: workshop.presentation.filter((id) => id !== viewId) });
}

// ---- presentation ---------------------------------------------------------------------------------

export function setPresentation(store: WorkshopStore, workshopId: string, viewIds: string[]): string[] {
  const workshop = workshopOf(store, workshopId);
  const unknown = viewIds.filter((id) => store.get('views', id)?.workshopId !== workshopId);
  if (unknown.length > 0)
    throw new NotFoundError(`presentation: no saved view "${unknown[0]}" in workshop "${workshopId}"`, {
      details: { unknown },
    });
  store.put('workshops', { ...workshop, presentation: viewIds });
  return viewIds;
}

export function getPresentation(store: WorkshopStore, workshopId: string): SavedView[] {
  const { workshop } = getWorkshop(store, workshopId);
  const views = new Map(listViews(store, workshopId).map((view) => [view.id, view]));
  return workshop.presentation.map((id) => views.get(id)).filter((view): view is SavedView => view !== undefined);
}

// ---- annotations ----------------------------------------------------------------------------------

export function addAnnotation(
  store: WorkshopStore,
  workshopId: string,
  input: { targetKind: AnnotationTarget; targetId: string; text: string },
  author: Author,
): Annotation {
  workshopOf(store, workshopId);
  const annotation: Annotation = {
    id: newId('ann'),
    workshopId,
    ...input,
    author: author.name,
    authorId: author.id,
    createdAt: now(),
  };
  store.put('annotations', annotation);
  return annotation;
}

/**
 * A workshop's annotations, oldest first; for one target also those written on entities merged into it
 * (an annotation keeps the id it was written on).
 */
export async function listAnnotations(
  store: WorkshopStore,
  connection: Neo4jConnection,
  workshopId: string,
  filter: { targetKind?: AnnotationTarget; targetId?: string },
): Promise<Annotation[]> {
  const targetIds = filter.targetId === undefined ? null : new Set(await idsStandingFor(connection, filter.targetId));
  return store
    .list(
      'annotations',
      (a) =>
        a.workshopId === workshopId &&
        (filter.targetKind === undefined || a.targetKind === filter.targetKind) &&
        (targetIds === null || targetIds.has(a.targetId)),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function deleteAnnotation(store: WorkshopStore, workshopId: string, annotationId: string): void {
  if (store.get('annotations', annotationId)?.workshopId !== workshopId)
    throw new NotFoundError(`No annotation "${annotationId}" in workshop "${workshopId}"`, {
      details: { annotationId },
    });
  store.remove('annotations', annotationId);
}

// ---- hypotheses -----------------------------------------------------------------------------------

export async function addHypothesis(
  store: WorkshopStore,
  connection: Neo4jConnection,
  workshopId: string,
  input: { sourceId: string; targetId: string; label: string; note: string },
  author: Author,
): Promise<Hypothesis> {
  workshopOf(store, workshopId);
  const current = await currentEntityIds(connection, [input.sourceId, input.targetId]);
  for (const field of ['sourceId', 'targetId'] as const) {
    if (current.get(input[field]) !== input[field])
      throw new NotFoundError(`hypothesis: no entity with id "${input[field]}" (${field})`, {
        details: { field, id: input[field] },
      });
  }
  const hypothesis: Hypothesis = {
    id: newId('hyp'),
    workshopId,
    ...input,
    author: author.name,
    authorId: author.id,
    createdAt: now(),
  };
  store.put('hypotheses', hypothesis);
  return hypothesis;
}

/**
 * A workshop's hypotheses, oldest first, with their ends as the entities they stand for now (a merged
 * end answers the survivor); filtered by an entity at either end and by label, case-insensitive.
 */
export async function listHypotheses(
  store: WorkshopStore,
  connection: Neo4jConnection,
  workshopId: string,
  filter: { entityId?: string; label?: string },
): Promise<Hypothesis[]> {
  const own = store.list('hypotheses', (h) => h.workshopId === workshopId);
  const current = await currentEntityIds(
    connection,
    own.flatMap((h) => [h.sourceId, h.targetId]),
  );
  const label = filter.label?.toLowerCase();
  return own
    .map((h) => ({
      ...h,
      sourceId: current.get(h.sourceId) ?? h.sourceId,
      targetId: current.get(h.targetId) ?? h.targetId,
    }))
    .filter(
      (h) =>
        (filter.entityId === undefined || h.sourceId === filter.entityId || h.targetId === filter.entityId) &&
        (label === undefined || h.label.toLowerCase() === label),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function deleteHypothesis(store: WorkshopStore, workshopId: string, hypothesisId: string): void {
  if (store.get('hypotheses', hypothesisId)?.workshopId !== workshopId)
    throw new NotFoundError(`No hypothesis "${hypothesisId}" in workshop "${workshopId}"`, {
      details: { hypothesisId },
    });
  store.remove('hypotheses', hypothesisId);
}
