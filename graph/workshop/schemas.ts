/**
 * Zod schemas for everything a workshop client sends. Text (names, notes, titles) is plain text: it is
 * stored and returned verbatim, never turned into HTML; only its length (and control characters) is checked.
 */
import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES } from '../model/types';

/** C0 controls and DEL, except tab, line feed and carriage return. */
function isControlCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || code === 0x7f;
}

/** Plain text of bounded length; control characters other than tab and newlines are refused. */
export function plainText(max: number, { required = true }: { required?: boolean } = {}) {
  const base = z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((text) => ![...text].some(isControlCharacter), 'must not contain control characters');
  return required ? base.refine((text) => text.trim() !== '', 'must not be empty') : base;
}

export const LIMITS = {
  workshopName: 120,
  displayName: 60,
  viewName: 200,
  description: 4000,
  notes: 20000,
  annotation: 10000,
  hypothesisLabel: 200,
  viewNodes: 5000,
  jsonBlob: 200_000,
} as const;

export const entityIdSchema = z.string().trim().min(1, 'is required').max(300);
export const recordIdSchema = z.string().trim().min(1, 'is required').max(100);

/** Any JSON object the client defines (filters, styling), bounded in size once serialised. */
const jsonObject = z
  .record(z.string(), z.unknown())
  .refine(
    (value) => JSON.stringify(value).length <= LIMITS.jsonBlob,
    `must be at most ${LIMITS.jsonBlob} characters as JSON`,
  );

const finite = z.number().finite();

export const createWorkshopBody = z.object({
  name: plainText(LIMITS.workshopName),
  displayName: plainText(LIMITS.displayName),
});

export const joinWorkshopBody = z.object({
  code: z.string().trim().min(4).max(40),
  displayName: plainText(LIMITS.displayName),
});

export const cameraSchema = z.object({ x: finite, y: finite, ratio: finite.positive(), angle: finite.default(0) });

export const savedViewBody = z.object({
  name: plainText(LIMITS.viewName),
  description: plainText(LIMITS.description, { required: false }).default(''),
  nodeIds: z.array(entityIdSchema).max(LIMITS.viewNodes).default([]),
  positions: z
    .record(entityIdSchema, z.object({ x: finite, y: finite }))
    .refine((value) => Object.keys(value).length <= LIMITS.viewNodes, `must hold at most ${LIMITS.viewNodes} positions`)
    .default({}),
  camera: cameraSchema.nullable().default(null),
  filters: jsonObject.default({}),
  styling: jsonObject.default({}),
  notes: plainText(LIMITS.notes, { required: false }).default(''),
});
export type SavedViewInput = z.infer<typeof savedViewBody>;

/** An update names only the fields it changes. */
export const savedViewPatch = z
  .object({
    name: plainText(LIMITS.viewName),
    description: plainText(LIMITS.description, { required: false }),
    nodeIds: z.array(entityIdSchema).max(LIMITS.viewNodes),
    positions: z.record(entityIdSchema, z.object({ x: finite, y: finite })),
    camera: cameraSchema.nullable(),
    filters: jsonObject,
    styling: jsonObject,
    notes: plainText(LIMITS.notes, { required: false }),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'must change at least one field');
export type SavedViewPatch = z.infer<typeof savedViewPatch>;

export const duplicateViewBody = z.object({ name: plainText(LIMITS.viewName).optional() });

export const presentationBody = z.object({ viewIds: z.array(recordIdSchema).max(500) });

export const ANNOTATION_TARGETS = ['node', 'edge', 'view'] as const;
export type AnnotationTarget = (typeof ANNOTATION_TARGETS)[number];

export const annotationBody = z.object({
  targetKind: z.enum(ANNOTATION_TARGETS),
  targetId: entityIdSchema,
  text: plainText(LIMITS.annotation),
});

export const annotationQuery = z.object({
  targetKind: z.enum(ANNOTATION_TARGETS).optional(),
  targetId: entityIdSchema.optional(),
});

export const hypothesisBody = z.object({
  sourceId: entityIdSchema,
  targetId: entityIdSchema,
  label: plainText(LIMITS.hypothesisLabel),
  note: plainText(LIMITS.notes, { required: false }).default(''),
});

export const hypothesisQuery = z.object({
  entityId: entityIdSchema.optional(),
  label: z.string().max(LIMITS.hypothesisLabel).optional(),
});

export const presenterBody = z.object({
  viewId: recordIdSchema.nullable().default(null),
  step: z.number().int().min(0).max(10_000).nullable().default(null),
  camera: cameraSchema.nullable().default(null),
  selection: z.array(entityIdSchema).max(LIMITS.viewNodes).default([]),
});
export type PresenterState = z.infer<typeof presenterBody>;

/** The curations an editor can apply, each naming entities and relations by their stable ids. */
export const curationBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), survivorId: entityIdSchema, mergedId: entityIdSchema }),
  z.object({
    kind: z.literal('rename'),
    entityId: entityIdSchema,
    name: plainText(300),
    keepOldNameAsAlias: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('change-type'), entityId: entityIdSchema, type: z.enum(ENTITY_TYPES) }),
  z.object({
    kind: z.literal('split-alias'),
    entityId: entityIdSchema,
    alias: plainText(300),
    type: z.enum(ENTITY_TYPES).optional(),
  }),
  z.object({ kind: z.literal('delete-relation'), relationId: entityIdSchema }),
  z.object({
    kind: z.literal('dispute-relation'),
    relationId: entityIdSchema,
    note: plainText(LIMITS.notes, { required: false }).default(''),
  }),
  z.object({
    kind: z.literal('add-relation'),
    type: z.enum(RELATION_TYPES),
    sourceId: entityIdSchema,
    targetId: entityIdSchema,
    sourceNote: plainText(LIMITS.notes),
  }),
]);
export type CurationPayload = z.infer<typeof curationBody>;
export type CurationKind = CurationPayload['kind'];
export const CURATION_KINDS: readonly CurationKind[] = [
  'merge',
  'rename',
  'change-type',
  'split-alias',
  'delete-relation',
  'dispute-relation',
  'add-relation',
];
