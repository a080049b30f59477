/** The import summary the CLI prints: documents, entities by type, relations by type, seconds. */
import type { ExtractedDocument } from '../graph/model/types';

export interface ImportSummary {
  documents: number;
  failed: number;
  entities: Record<string, number>;
  relations: Record<string, number>;
  seconds: number;
}

export function summarise(docs: ExtractedDocument[], failed: number, seconds: number): ImportSummary {
  const entities: Record<string, number> = {};
  const relations: Record<string, number> = {};
  const seenEntities = new Set<string>();
  const seenRelations = new Set<string>();
  for (const d of docs) {
    for (const e of d.entities) {
      if (seenEntities.has(e.id)) continue;
      seenEntities.add(e.id);
      entities[e.type] = (entities[e.type] ?? 0) + 1;
    }
    for (const r of d.relations) {
      if (seenRelations.has(r.id)) continue;
      seenRelations.add(r.id);
      relations[r.type] = (relations[r.type] ?? 0) + 1;
    }
  }
  return { documents: docs.length, failed, entities, relations, seconds };
}

export function formatSummary(s: ImportSummary): string {
  const list = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  const total = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
  return [
    `Imported ${s.documents} document${s.documents === 1 ? '' : 's'}${s.failed ? `, ${s.failed} failed` : ''} in ${s.seconds.toFixed(1)} s`,
    `Entities: ${total(s.entities)} (${list(s.entities)})`,
    `Relations: ${total(s.relations)} (${list(s.relations)})`,
  ].join('\n');
}
