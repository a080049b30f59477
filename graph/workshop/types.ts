/**
 * The shapes of workshop data as the API answers them, shared by the server and the client. Pure types
 * and constants only: importing this file never pulls in a database driver.
 */
import type { EntityType } from '../model/types';
import type { WorkshopRole } from './roles';
import type { AnnotationTarget, CurationKind, CurationPayload, PresenterState } from './schemas';

export interface Workshop {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  presentation: string[]; // saved view ids, in presenting order
}

export interface Participant {
  id: string;
  workshopId: string;
  displayName: string;
  role: WorkshopRole;
  joinedAt: string;
}

export interface Camera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface SavedView {
  id: string;
  workshopId: string;
  name: string;
  description: string;
  nodeIds: string[];
  positions: Record<string, { x: number; y: number }>;
  camera: Camera | null;
  filters: Record<string, unknown>;
  styling: Record<string, unknown>;
  notes: string;
  author: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

export interface Annotation {
  id: string;
  workshopId: string;
  targetKind: AnnotationTarget;
  targetId: string;
  text: string;
  author: string;
  authorId: string;
  createdAt: string;
}

export interface Hypothesis {
  id: string;
  workshopId: string;
  sourceId: string;
  targetId: string;
  label: string;
  note: string;
  author: string;
  authorId: string;
  createdAt: string;
}

// ---- curation snapshots ---------------------------------------------------------------------------

/** A Neo4j property value as JSON: integers as {$int}, non-finite floats as {$float}, temporal values as {$type, fields}. */
export type EncodedValue = null | boolean | number | string | EncodedValue[] | { [key: string]: EncodedValue };
export type EncodedMap = Record<string, EncodedValue>;

/** How a relationship end is found again: entities and documents by their id, anything else by element id. */
export type NodeRef = { label: 'Entity' | 'Document'; id: string } | { elementId: string };

export interface EntityState {
  id: string;
  labels: string[];
  properties: EncodedMap;
}

export interface RelationshipState {
  key: string; // element id when snapshotted: only used to count a relationship once
  type: string;
  start: NodeRef;
  end: NodeRef;
  properties: EncodedMap;
}

export interface Snapshot {
  entities: Record<string, EntityState | null>; // null: the entity did not exist
  relationships: RelationshipState[];
}

export interface CurationScope {
  entityIds: string[];
  relationIds: string[];
}

/** What a curation changed, in words a log can show (derived from its before/after snapshots). */
export interface CurationDiff {
  entitiesCreated: Array<{ id: string; name: string; type: EntityType | string }>;
  entitiesDeleted: Array<{ id: string; name: string; type: EntityType | string }>;
  entitiesChanged: Array<{
    id: string;
    name: string;
    changes: Record<string, { before: EncodedValue | string[]; after: EncodedValue | string[] }>;
  }>;
  relationshipsAdded: Record<string, number>; // by type
  relationshipsRemoved: Record<string, number>; // by type
  relationshipsChanged: Record<string, number>; // by type: same ends, other properties
}

export interface CurationSummary {
  id: string;
  seq: number;
  kind: CurationKind;
  author: string;
  authorId: string;
  workshopId: string;
  at: string;
  payload: CurationPayload;
  diff: CurationDiff;
  undone: boolean;
  undoneAt: string | null;
  undoneBy: string | null;
  replayedAt: string | null;
  outcome: string;
}

/** A log entry with its exact snapshots (GET one curation, POST a curation, undo). */
export interface CurationRecord extends CurationSummary {
  before: Snapshot;
  after: Snapshot;
}

// ---- live events ----------------------------------------------------------------------------------

export const WORKSHOP_EVENT_TYPES = [
  'participant-joined',
  'participant-left',
  'view-saved',
  'view-deleted',
  'presentation-changed',
  'annotation-added',
  'annotation-deleted',
  'hypothesis-added',
  'hypothesis-deleted',
  'curation-applied',
  'curation-undone',
  'presenter-moved',
] as const;
export type WorkshopEventType = (typeof WORKSHOP_EVENT_TYPES)[number];

export interface WorkshopEvent {
  id: number; // increasing per server process: the SSE `id:` field
  type: WorkshopEventType;
  workshopId: string; // where it happened
  at: string;
  by: { id: string; name: string } | null;
  data: unknown;
}

export interface PresenterPosition extends PresenterState {
  presenter: { id: string; name: string };
  at: string;
}
