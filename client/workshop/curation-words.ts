/**
 * A curation log entry in words for the audit log ("Ada merged Armed Forces into Russia"), and the
 * entities and relations it touched, so the graph view knows what to reload. Pure.
 */
import type { CurationSummary, EncodedValue } from '../../graph/workshop/types';

export interface CurationWords {
  title: string; // one line: what was done
  details: string[]; // what the diff says changed
}

function plain(value: EncodedValue | string[] | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => plain(v as EncodedValue)).join(', ') : '—';
  if (typeof value === 'object') {
    // Integers and temporal values are encoded as objects ({$int}, {$type, fields}): show their content.
    if ('$int' in value) return String(value.$int);
    return JSON.stringify(value);
  }
  return String(value);
}

/** Lists (aliases, labels) say what was added and removed; anything else reads "before → after". */
function change(before: EncodedValue | string[], after: EncodedValue | string[]): string {
  if (Array.isArray(before) && Array.isArray(after)) {
    const was = new Set(before.map((v) => plain(v as EncodedValue)));
    const is = new Set(after.map((v) => plain(v as EncodedValue)));
    const added = [...is].filter((v) => !was.has(v));
    const removed = [...was].filter((v) => !is.has(v));
    return [added.length ? `+ ${added.join(', ')}` : '', removed.length ? `− ${removed.join(', ')}` : '']
      .filter(Boolean)
      .join(' ');
  }
  return `${plain(before)} → ${plain(after)}`;
}

function countsInWords(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([type, n]) => `${n} ${type.toLowerCase().replace(/_/g, ' ')}`)
    .join(', ');
}

/** The name the diff knows for an id, or the id itself. */
function nameOf(summary: CurationSummary, id: string): string {
  const { diff } = summary;
  const known = [...diff.entitiesChanged, ...diff.entitiesCreated, ...diff.entitiesDeleted].find((e) => e.id === id);
  return known?.name || id;
}

export function curationTitle(summary: CurationSummary): string {
  const p = summary.payload;
  switch (p.kind) {
    case 'merge':
      return `merged ${nameOf(summary, p.mergedId)} into ${nameOf(summary, p.survivorId)}`;
    case 'rename': {
      const before = summary.diff.entitiesChanged.find((e) => e.id === p.entityId)?.changes.name?.before;
      return typeof before === 'string' ? `renamed ${before} to ${p.name}` : `renamed ${p.entityId} to ${p.name}`;
    }
    case 'change-type':
      return `made ${nameOf(summary, p.entityId)} a ${p.type}`;
    case 'split-alias':
      return `split "${p.alias}" off ${nameOf(summary, p.entityId)}`;
    case 'delete-relation':
      return `deleted relation ${p.relationId}`;
    case 'dispute-relation':
      return p.note ? `disputed relation ${p.relationId}: ${p.note}` : `disputed relation ${p.relationId}`;
    case 'add-relation':
      return `added ${p.type.toLowerCase().replace(/_/g, ' ')} from ${nameOf(summary, p.sourceId)} to ${nameOf(summary, p.targetId)} (source: ${p.sourceNote})`;
  }
}

/** Properties that only record bookkeeping: listing them would drown what the analyst changed. */
const QUIET_PROPERTIES = new Set(['updatedAt', 'curatedAt', 'curatedBy', 'disputedAt', 'disputedBy', 'mergedIds']);

export function curationDetails(summary: CurationSummary): string[] {
  const { diff } = summary;
  const lines: string[] = [];
  for (const e of diff.entitiesCreated) lines.push(`created ${e.name || e.id} (${e.type})`);
  for (const e of diff.entitiesDeleted) lines.push(`removed ${e.name || e.id} (${e.type})`);
  for (const e of diff.entitiesChanged) {
    const changes = Object.entries(e.changes)
      .filter(([key]) => !QUIET_PROPERTIES.has(key))
      .map(([key, c]) => `${key} ${change(c.before, c.after)}`);
    if (changes.length) lines.push(`${e.name || e.id}: ${changes.join('; ')}`);
  }
  const added = countsInWords(diff.relationshipsAdded);
  const removed = countsInWords(diff.relationshipsRemoved);
  const changed = countsInWords(diff.relationshipsChanged);
  if (added) lines.push(`relations added: ${added}`);
  if (removed) lines.push(`relations removed: ${removed}`);
  if (changed) lines.push(`relations changed: ${changed}`);
  return lines;
}

export function describeCuration(summary: CurationSummary): CurationWords {
  return { title: `${summary.author} ${curationTitle(summary)}`, details: curationDetails(summary) };
}

/** Every entity a curation names or changed (survivor, merged, split-off, ends of an added relation). */
export function curationEntityIds(summary: CurationSummary): string[] {
  const p = summary.payload;
  const ids: string[] = [];
  if (p.kind === 'merge') ids.push(p.survivorId, p.mergedId);
  else if (p.kind === 'add-relation') ids.push(p.sourceId, p.targetId);
  else if ('entityId' in p) ids.push(p.entityId);
  const { diff } = summary;
  for (const e of [...diff.entitiesCreated, ...diff.entitiesDeleted, ...diff.entitiesChanged]) ids.push(e.id);
  return [...new Set(ids)];
}

/** The relation a curation names, if it names one. */
export function curationRelationId(summary: CurationSummary): string | null {
  const p = summary.payload;
  return 'relationId' in p ? p.relationId : null;
}

/** The entry an Undo button belongs on: the newest not undone (undo is a stack), when this workshop made it. */
export function undoableEntry(log: CurationSummary[], workshopId: string): CurationSummary | null {
  const latest = [...log].sort((a, b) => b.seq - a.seq).find((c) => !c.undone);
  return latest && latest.workshopId === workshopId ? latest : null;
}
