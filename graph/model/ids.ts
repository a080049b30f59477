import { createHash } from 'node:crypto';
import type { EntityType, RelationType } from './types';
import { SYMMETRIC_RELATION_TYPES } from './types';

/** Lower-case ASCII slug: accents folded, punctuation dropped ("U.S." -> "us", "Kim Jong Un" -> "kim-jong-un"). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019'.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Entity ids survive re-imports because they depend only on type and canonical name. */
export function entityId(type: EntityType, canonicalName: string): string {
  return `${type.toLowerCase()}:${slugify(canonicalName)}`;
}

/** Symmetric relations get one canonical direction, so A–B stated in one document and B–A in another meet. */
export function orientRelation(type: RelationType, source: string, target: string): [string, string] {
  return SYMMETRIC_RELATION_TYPES.has(type) && source > target ? [target, source] : [source, target];
}

export function relationId(type: RelationType, source: string, target: string): string {
  const [a, b] = orientRelation(type, source, target);
  return `rel:${shortHash(`${type}|${a}|${b}`)}`;
}

export function documentId(contentHash: string): string {
  return `doc-${contentHash.slice(0, 16)}`;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function shortHash(text: string): string {
  return sha256(text).slice(0, 16);
}
