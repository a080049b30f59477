import path from 'node:path';
import { extractWithEngine } from '../support/engine';
import { toGraphologyJson } from '../../import/graphology-json';
import type { ExtractedDocument } from '../../graph/model/types';
import { entityId } from '../../graph/model/ids';

const fixture = (name: string): string => path.join(__dirname, '..', 'fixtures', 'import', name);
const corpus = (name: string): string => path.join(__dirname, '..', '..', 'data', 'corpus', name);

describe('extract', () => {
  it('dates the events of a plain-text article against the date of its masthead, and names them in full', async () => {
    const { documents, failures } = await extractWithEngine([{ path: fixture('plain-text-with-masthead.txt') }]);
    expect(failures).toEqual([]);
    const [doc] = documents;
    expect(doc.document.published).toBe('2025-03-14');
    const events = doc.entities.filter((e) => e.type === 'Event');
    const address = events.find((e) => e.aliases.includes('a televised address on March 2'));
    expect(address?.attributes.date).toBe('2025-03-02');
    // "armed" belongs to the phrase (the parse says so), and "in February" dates the revolt though a name stands between
    const revolt = events.find((e) => e.aliases.some((a) => a.startsWith('a short-lived armed revolt')));
    expect(revolt?.attributes.date).toBe('2025-02');
  });

  it('extracts a document of another region from Markdown with front matter', async () => {
    const { documents, failures } = await extractWithEngine([{ path: fixture('other-region-with-front-matter.md') }]);
    expect(failures).toEqual([]);
    const [doc] = documents;
    const names = doc.entities.map((e) => `${e.type}:${e.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'State:Egypt',
        'State:Ethiopia',
        'State:Sudan',
        'State:Kenya',
        'Person:Sameh Shoukry',
        'Person:Abiy Ahmed',
        'Organization:African Union',
        'Treaty:Declaration of Principles',
      ]),
    );
    const visit = doc.entities.find((e) => e.type === 'Event' && e.attributes.kind === 'visit')!;
    expect(visit.attributes.date).toBe('2024-02'); // "last month" against the front-matter date
    const byName = new Map(doc.entities.map((e) => [e.id, e.name]));
    const facts = doc.relations.map((r) => `${byName.get(r.source)} ${r.type} ${byName.get(r.target)}`);
    expect(facts).toEqual(
      expect.arrayContaining([
        'Sameh Shoukry OPPOSES Ethiopia',
        'Abiy Ahmed VISITED Kenya',
        'Kenya SUPPORTS Ethiopia',
        'Egypt PARTY_TO Declaration of Principles',
      ]),
    );
  });

  it('quotes every piece of evidence and every mention verbatim from the document text', async () => {
    const { documents } = await extractWithEngine([
      { path: fixture('article-with-boilerplate.html') },
      { path: corpus('004_66d01a588136d0b0.txt') },
    ]);
    for (const d of documents) {
      for (const r of d.relations)
        for (const ev of r.evidence) expect(d.document.text.slice(ev.start, ev.end)).toBe(ev.text);
      for (const e of d.entities)
        for (const m of e.mentions) expect(d.document.text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('gives the same entity the same id in every document and across re-imports', async () => {
    const first = (
      await extractWithEngine([
        { path: corpus('002_3f795212a5ca3045.txt') },
        { path: corpus('004_66d01a588136d0b0.txt') },
      ])
    ).documents;
    const again = (
      await extractWithEngine([
        { path: corpus('002_3f795212a5ca3045.txt') },
        { path: corpus('004_66d01a588136d0b0.txt') },
      ])
    ).documents;
    const ids = (docs: typeof first): string[] => docs.flatMap((d) => d.entities.map((e) => e.id)).sort();
    expect(ids(again)).toEqual(ids(first));
    const putinVisit = first.map(
      (d) => d.entities.find((e) => e.type === 'Event' && e.name.startsWith('Vladimir Putin’s visit'))?.id,
    );
    expect(putinVisit[0]).toBeDefined();
    expect(putinVisit[0]).toBe(putinVisit[1]);
    expect(first[0].entities.find((e) => e.name === 'Vladimir Putin')?.id).toBe(entityId('Person', 'Vladimir Putin'));
  });

  it('reads an HTML article with encoded characters and keeps its evidence verbatim', async () => {
    const { documents } = await extractWithEngine([
      { path: fixture('html-with-encoded-characters-and-acronyms.html') },
    ]);
    const [doc] = documents;
    expect(doc.document.title).toBe('Sahel juntas form confederation');
    expect(doc.document.published).toBe('2024-07-07');
    expect(doc.document.text).toContain('Niger’s leader');
    expect(doc.document.text).not.toContain('newsletter');
    const names = doc.entities.map((e) => `${e.type}:${e.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'Organization:Economic Community of West African States',
        'State:Niger',
        'Person:Bola Tinubu',
      ]),
    );
    for (const r of doc.relations)
      for (const ev of r.evidence) expect(doc.document.text.slice(ev.start, ev.end)).toBe(ev.text);
  });

  it('reports a bad file and still imports the others', async () => {
    const { documents, failures } = await extractWithEngine([
      { path: fixture('empty.txt') },
      { path: fixture('nav-paywall-and-repeated-lead.txt') },
    ]);
    expect(documents).toHaveLength(1);
    expect(failures).toEqual([
      expect.objectContaining({ reason: 'empty', message: expect.stringContaining('empty.txt') }),
    ]);
  });
});

describe('graphology JSON', () => {
  let documents: ExtractedDocument[];
  let graph: ReturnType<typeof toGraphologyJson>;
  beforeAll(async () => {
    ({ documents } = await extractWithEngine([
      { path: corpus('000_05faf3e93e947b68.txt') },
      { path: corpus('003_81f6aa75ca14f272.txt') },
    ]));
    graph = toGraphologyJson(documents, { includeDocuments: true });
  });

  it('has one node per entity with name, type and aliases, and document nodes', async () => {
    const russia = graph.nodes.filter((n) => n.attributes!.name === 'Russia');
    expect(russia).toHaveLength(1);
    expect(russia[0].attributes).toMatchObject({
      type: 'State',
      aliases: expect.arrayContaining(['Moscow', 'the Kremlin']),
    });
    expect(graph.nodes.filter((n) => n.attributes!.type === 'Document')).toHaveLength(2);
  });

  it('has one edge per fact with evidence from every document that states it', async () => {
    const names = new Map(graph.nodes.map((n) => [n.key, n.attributes!.name]));
    const coop = graph.edges.filter(
      (e) =>
        e.attributes!.type === 'COOPERATES_WITH' &&
        new Set([names.get(e.source), names.get(e.target)]).has('Russia') &&
        new Set([names.get(e.source), names.get(e.target)]).has('North Korea'),
    );
    expect(coop).toHaveLength(1);
    const docs = new Set((coop[0].attributes!.evidence as Array<{ document: string }>).map((e) => e.document));
    expect(docs).toEqual(new Set(['000_05faf3e93e947b68.txt', '003_81f6aa75ca14f272.txt']));
    expect(coop[0].undirected).toBe(true);
    expect(coop[0].attributes!.confidence).toBeGreaterThan(0);
  });
});
