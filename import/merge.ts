/**
 * Cross-document merge: the same real thing seen in several documents becomes one entity with one id.
 * Entities of the same type merge when their ids are equal or the name of one is a full alias of the
 * other ("DPRK-Soviet Union Treaty ..." / "1961 DPRK-Soviet Union Treaty ..."). A one-word person name
 * ("Putin") joins the only person elsewhere whose first or last name it is. Ids stay derived from type and
 * canonical name, so re-importing the same content gives the same ids.
 */
import type { EntityRecord, ExtractedDocument } from '../graph/model/types';
import { entityId, relationId } from '../graph/model/ids';
import { norm } from './text/norm';

/**
 * `known` are the entities already stored (no mentions): a document joins them by the same rules as it
 * joins the other documents, and a group that holds a stored entity keeps that entity's id and name, so
 * importing documents one at a time gives the graph that importing them together gives.
 */
export function mergeDocuments(docs: ExtractedDocument[], known: EntityRecord[] = []): ExtractedDocument[] {
  const all: Array<{ doc: number; entity: EntityRecord }> = [];
  docs.forEach((d, doc) => d.entities.forEach((entity) => all.push({ doc, entity })));
  for (const entity of known) all.push({ doc: KNOWN, entity });
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byKey = new Map<string, number>();
  const strongForms = (e: EntityRecord): string[] => {
    const forms = [e.name];
    // aliases that are full names, not short forms or descriptions
    if (e.type !== 'Person' && e.type !== 'Event')
      forms.push(...e.aliases.filter((a) => a.split(/\s+/).length >= 2 || /^[A-Z]{3,}$/.test(a)));
    return forms.map((f) => `${e.type}|${norm(f)}`);
  };
  all.forEach(({ entity }, i) => {
    for (const key of [`${entity.type}|id|${entity.id}`, ...strongForms(entity)]) {
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i);
      else if (key.includes('|id|') || key === strongForms(entity)[0] || key === strongForms(all[j].entity)[0])
        union(i, j);
    }
  });
  // Full names spelt in two romanisations ("Sergei"/"Sergey Lavrov", "Zelenskiy"/"Zelenskyy") are one person.
  const byRomanisation = new Map<string, number>();
  all.forEach(({ entity }, i) => {
    if (entity.type !== 'Person') return;
    const words = norm(entity.name).split(' ');
    if (words.length < 2) return;
    const key = words.map(foldRomanisation).join(' ');
    const j = byRomanisation.get(key);
    if (j === undefined) byRomanisation.set(key, i);
    else union(i, j);
  });
  // One-word person names join the unique person they abbreviate.
  const people = all.map((x, i) => ({ ...x, i })).filter((x) => x.entity.type === 'Person');
  // Multi-word people by their first and last word, so each one-word name is matched in one look-up.
  const byEndWord = new Map<string, number[]>();
  for (const q of people) {
    const w = norm(q.entity.name).split(' ');
    if (w.length < 2) continue;
    for (const word of new Set([w[0], w[w.length - 1]])) byEndWord.set(word, [...(byEndWord.get(word) ?? []), q.i]);
  }
  const ambiguous = new Set<number>();
  for (const p of people) {
    const words = norm(p.entity.name).split(' ');
    if (words.length !== 1) continue;
    const matches = new Set((byEndWord.get(words[0]) ?? []).map((i) => find(i)));
    if (matches.size === 1) union(p.i, [...matches][0]);
    else if (matches.size > 1) ambiguous.add(p.i); // "Mr. Kim" with two Kims known: say nothing rather than guess
  }

  // Canonical record per group: the name used most often, its id.
  const groups = new Map<number, number[]>();
  all.forEach((_, i) => {
    const root = find(i);
    const members = groups.get(root);
    if (members) members.push(i);
    else groups.set(root, [i]);
  });
  const newId = new Map<string, string>(); // `${doc}|${oldId}` -> id
  const canonical = new Map<number, { id: string; name: string }>();
  for (const [root, members] of groups) {
    const counts = new Map<string, number>();
    for (const i of members) {
      const e = all[i].entity;
      const weight =
        e.mentions.length +
        (e.type === 'Person' && norm(e.name).split(' ').length > 1
          ? 1000
          : 0.5 * Number(norm(e.name).split(' ').length > 1));
      counts.set(e.name, (counts.get(e.name) ?? 0) + weight);
    }
    const name = [...counts.entries()].sort(
      (a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]),
    )[0][0];
    const type = all[root].entity.type;
    const stored = members.map((i) => all[i]).find((x) => x.doc === KNOWN)?.entity;
    const chosen = stored ? { id: stored.id, name: stored.name } : { id: entityId(type, name), name };
    canonical.set(root, chosen);
    for (const i of members) newId.set(`${all[i].doc}|${all[i].entity.id}`, chosen.id);
  }
  const indexOf = new Map(all.map((x, i) => [x.entity, i] as const)); // each record belongs to one document
  return docs.map((d, doc) => {
    const entities = new Map<string, EntityRecord>();
    const dropped = new Set(d.entities.filter((e) => ambiguous.has(indexOf.get(e) ?? -1)).map((e) => e.id));
    for (const e of d.entities) {
      if (dropped.has(e.id)) continue;
      const id = newId.get(`${doc}|${e.id}`) ?? e.id;
      const root = find(indexOf.get(e) ?? -1);
      const name = canonical.get(root)?.name ?? e.name;
      const cur = entities.get(id) ?? { ...e, id, name, aliases: [], attributes: {}, mentions: [] };
      cur.aliases = [...new Set([...cur.aliases, ...e.aliases, ...(e.name !== name ? [e.name] : [])])].filter(
        (a) => a !== name,
      );
      cur.attributes = { ...e.attributes, ...cur.attributes };
      cur.mentions = [...cur.mentions, ...e.mentions];
      entities.set(id, cur);
    }
    const relations = new Map<string, (typeof d.relations)[number]>();
    for (const r of d.relations) {
      if (dropped.has(r.source) || dropped.has(r.target)) continue;
      const source = newId.get(`${doc}|${r.source}`) ?? r.source;
      const target = newId.get(`${doc}|${r.target}`) ?? r.target;
      if (source === target) continue;
      const id = relationId(r.type, source, target);
      const cur = relations.get(id);
      if (cur) {
        for (const ev of r.evidence)
          if (!cur.evidence.some((x) => x.start === ev.start && x.end === ev.end)) cur.evidence.push(ev);
        cur.confidence = Math.max(cur.confidence, r.confidence);
      } else relations.set(id, { ...r, id, source, target });
    }
    return { document: d.document, entities: [...entities.values()], relations: [...relations.values()] };
  });
}

const KNOWN = -1;

/**
 * Word endings that romanisations of Slavic names spell differently: -ei/-ey/-y/-i/-iy/-yy. Short words
 * are left alone ("Yi" is not "Y").
 */
export function foldRomanisation(word: string): string {
  return word.length > 3 ? word.replace(/(?:iy|yy|ii|ey|ei|y|i)$/, 'y') : word;
}
