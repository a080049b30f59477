/**
 * Scores an extracted graph (graphology serialisation) against gold annotations: one gold file per
 * document, entities with aliases and salience, relations with evidence (the annotation schema of the
 * seed corpus). An entity is found when a node's name or alias matches one of its aliases after
 * normalisation; "typed" also requires the same type. A gold entity hit by several nodes is split.
 * Relations count when an edge of the right type joins the nodes of the two gold entities.
 */
import type { SerializedGraph } from 'graphology-types';

export interface GoldFile {
  document: string;
  entities: Array<{ id: string; name: string; type: string; aliases?: string[]; salience?: string }>;
  relations: Array<{ source: string; type: string; target: string; evidence: string; salience?: string }>;
}

export interface Score {
  entities: {
    coreRecall: number;
    coreRecallTyped: number;
    allRecall: number;
    precision: number;
    predicted: number;
    split: string[];
    missingCore: string[];
  };
  relations: { coreRecallTyped: number; allRecallTyped: number; predicted: number; missingCore: string[] };
  evidence: { checked: number; verbatim: number; bad: string[] };
}

const SYMMETRIC = new Set(['COOPERATES_WITH', 'MET_WITH']);
/** The importer's graph JSON (graphology-json.ts) holds document nodes beside entities, and only facts as edges. */
const NON_ENTITY_TYPES = new Set(['Document']);

export function normaliseName(s: unknown): string {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .toLowerCase()
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1')
    .replace(/\b([a-z])\.(?![a-z])/g, '$1')
    .replace(/'s\b/g, 's')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const pct = (a: number, b: number): number => (b ? Math.round((1000 * a) / b) / 10 : 0);

/** `documents`: file name -> text, to check that evidence is verbatim. */
export function scoreGraph(goldFiles: GoldFile[], pred: SerializedGraph, documents?: Map<string, string>): Score {
  const gold = new Map<string, { id: string; name: string; type: string; aliases: Set<string>; core: boolean }>();
  const goldRels = new Map<string, { source: string; target: string; type: string; core: boolean }>();
  for (const g of goldFiles) {
    for (const e of g.entities) {
      const cur = gold.get(e.id) ?? { id: e.id, name: e.name, type: e.type, aliases: new Set<string>(), core: false };
      for (const a of [e.name, ...(e.aliases ?? [])]) cur.aliases.add(normaliseName(a));
      if (e.salience === 'core') cur.core = true;
      gold.set(e.id, cur);
    }
    for (const r of g.relations) {
      const key =
        SYMMETRIC.has(r.type) && r.source > r.target
          ? `${r.target}|${r.type}|${r.source}`
          : `${r.source}|${r.type}|${r.target}`;
      const cur = goldRels.get(key);
      if (!cur || r.salience === 'core')
        goldRels.set(key, {
          source: r.source,
          target: r.target,
          type: r.type,
          core: r.salience === 'core' || Boolean(cur?.core),
        });
    }
  }
  const aliasIndex = new Map<string, string[]>();
  for (const e of gold.values())
    for (const a of e.aliases) if (a) aliasIndex.set(a, [...(aliasIndex.get(a) ?? []), e.id]);

  const nodes = (pred.nodes ?? []).filter((n) => !NON_ENTITY_TYPES.has(String(n.attributes?.type)));
  const nodeGold = new Map<string, { id: string; typed: boolean }>();
  const hits = new Map<string, string[]>();
  for (const n of nodes) {
    const a = (n.attributes ?? {}) as { name?: string; type?: string; aliases?: string[] };
    const names = [a.name ?? n.key, ...(a.aliases ?? [])].map(normaliseName).filter(Boolean);
    const cands = names.map((nm) => aliasIndex.get(nm)).find(Boolean);
    if (!cands) continue;
    const typed = cands.find((id) => gold.get(id)!.type === a.type);
    const id = typed ?? cands[0];
    nodeGold.set(n.key, { id, typed: Boolean(typed) });
    hits.set(id, [...(hits.get(id) ?? []), n.key]);
  }
  const core = [...gold.values()].filter((e) => e.core);
  const all = [...gold.values()];
  const found = (list: typeof all): number => list.filter((e) => hits.has(e.id)).length;
  const foundTyped = (list: typeof all): number =>
    list.filter((e) => (hits.get(e.id) ?? []).some((k) => nodeGold.get(k)!.typed)).length;

  const pairTypes = new Map<string, Set<string>>();
  const edges = pred.edges ?? [];
  for (const e of edges) {
    const s = nodeGold.get(e.source)?.id;
    const t = nodeGold.get(e.target)?.id;
    if (!s || !t) continue;
    const type = String(e.attributes?.type);
    for (const [a, b, fwd] of [
      [s, t, true],
      [t, s, false],
    ] as const) {
      const k = `${a}|${b}`;
      if (!pairTypes.has(k)) pairTypes.set(k, new Set());
      pairTypes.get(k)!.add(fwd || SYMMETRIC.has(type) || e.undirected ? type : `~${type}`);
    }
  }
  const relFound = (filter: (r: { core: boolean }) => boolean): { typed: number; total: number; missing: string[] } => {
    const want = [...goldRels.values()].filter(filter);
    const missing: string[] = [];
    let typed = 0;
    for (const r of want) {
      if (pairTypes.get(`${r.source}|${r.target}`)?.has(r.type)) typed++;
      else missing.push(`${r.source} ${r.type} ${r.target}`);
    }
    return { typed, total: want.length, missing };
  };
  const coreRel = relFound((r) => r.core);
  const allRel = relFound(() => true);

  let checked = 0;
  let verbatim = 0;
  const bad: string[] = [];
  if (documents) {
    const flat = (s: string): string =>
      s
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[\u201c\u201d]/g, '"')
        .replace(/\s+/g, ' ')
        .trim();
    const flatDocs = new Map([...documents].map(([k, v]) => [k, flat(v)]));
    for (const e of edges) {
      for (const ev of ([] as Array<{ document?: string; text?: string }>).concat(
        (e.attributes?.evidence as never) ?? [],
      )) {
        checked++;
        const doc = flatDocs.get(
          String(ev.document ?? '')
            .split('/')
            .pop() ?? '',
        );
        if (doc && ev.text && doc.includes(flat(ev.text))) verbatim++;
        else bad.push(`${ev.document}: ${String(ev.text).slice(0, 80)}`);
      }
    }
  }
  return {
    entities: {
      coreRecall: pct(found(core), core.length),
      coreRecallTyped: pct(foundTyped(core), core.length),
      allRecall: pct(found(all), all.length),
      precision: pct(nodeGold.size, nodes.length),
      predicted: nodes.length,
      split: [...hits.entries()]
        .filter(([, ks]) => ks.length > 1)
        .map(([id, ks]) => `${gold.get(id)!.name} x${ks.length}`),
      missingCore: core.filter((e) => !hits.has(e.id)).map((e) => e.name),
    },
    relations: {
      coreRecallTyped: pct(coreRel.typed, coreRel.total),
      allRecallTyped: pct(allRel.typed, allRel.total),
      predicted: edges.length,
      missingCore: coreRel.missing,
    },
    evidence: { checked, verbatim: pct(verbatim, checked), bad },
  };
}
