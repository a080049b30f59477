import request from 'supertest';
import type {
  DocumentDetails,
  EdgeDetails,
  NeighborsResponse,
  NodeDetails,
  OverviewResponse,
  PathsResponse,
  SearchResponse,
  StatsResponse,
  Subgraph,
} from '../../graph/model/api-types';
import { connectTestNeo4j } from '../support/neo4j';
import { seedCorpus } from '../support/seed-database';
import { testApp } from './test-app';

describe('Graph API on the seed corpus', () => {
  const connection = connectTestNeo4j();
  const app = testApp(connection);

  beforeAll(() => seedCorpus(connection), 300_000);
  afterAll(() => connection.close());

  async function get<T>(url: string): Promise<T> {
    const res = await request(app).get(url);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  async function findOne(q: string, type: string): Promise<SearchResponse['hits'][number]> {
    const { hits } = await get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&types=${type}`);
    expect(hits.length).toBeGreaterThan(0);
    return hits[0];
  }

  async function dprkTreaties(): Promise<{ dprk: string; neighbors: NeighborsResponse; t1961: string; t2000: string }> {
    const dprk = await findOne('DPRK', 'State');
    const neighbors = await get<NeighborsResponse>(
      `/api/nodes/${encodeURIComponent(dprk.id)}/neighbors?types=Treaty&limit=100`,
    );
    const treaty = (year: string) =>
      neighbors.nodes.find(
        (n) =>
          n.type === 'Treaty' &&
          (String(n.attributes.year) === year ||
            n.name.includes(year) ||
            (n.aliases ?? []).some((a) => a.includes(year))),
      );
    return { dprk: dprk.id, neighbors, t1961: treaty('1961')?.id ?? '', t2000: treaty('2000')?.id ?? '' };
  }

  it('reports counts by label and relationship type, documents and the last import', async () => {
    const stats = await get<StatsResponse>('/api/stats');
    expect(stats.labels.Entity).toBeGreaterThan(10);
    expect(stats.labels.Document).toBe(5);
    expect(stats.documents).toBe(5);
    expect(Object.keys(stats.relationshipTypes).length).toBeGreaterThan(2);
    expect(stats.lastImport).not.toBeNull();
  });

  it('gives an overview of the most connected entities with the facts among them', async () => {
    const overview = await get<OverviewResponse>('/api/graph?limit=10');
    expect(overview.nodes).toHaveLength(10);
    expect(overview.totalEntities).toBeGreaterThan(10);
    expect(overview.truncated).toBe(true);
    const degrees = overview.nodes.map((n) => n.degree ?? 0);
    expect([...degrees].sort((a, b) => b - a)).toEqual(degrees);
    const ids = new Set(overview.nodes.map((n) => n.id));
    for (const edge of overview.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  });

  it('finds the person when searching "Shoigu", also with a typo and as a prefix', async () => {
    const exact = await findOne('Shoigu', 'Person');
    expect(exact.name).toMatch(/Shoigu/);
    expect(exact.type).toBe('Person');
    expect((await findOne('Shoigo', 'Person')).id).toBe(exact.id);
    expect((await findOne('Shoi', 'Person')).id).toBe(exact.id);
    const { hits } = await get<SearchResponse>('/api/search?q=Shoigu');
    expect(hits[0].id).toBe(exact.id);
  });

  it('ranks an exact name or alias first, with case and dots folded', async () => {
    const pyongyang = await get<SearchResponse>('/api/search?q=pyongyang&limit=5');
    expect(
      pyongyang.hits
        .slice(0, 2)
        .map((h) => h.type)
        .sort(),
    ).toEqual(['Place', 'State']);
    const us = await get<SearchResponse>('/api/search?q=US&types=State');
    expect(us.hits[0].name).toBe('United States');
    const dprk = await get<SearchResponse>('/api/search?q=dprk');
    expect(dprk.hits[0]).toMatchObject({ type: 'State', name: 'North Korea' });
  });

  it('searches safely when the input holds Lucene syntax', async () => {
    for (const q of ['Kim AND (', '"unbalanced', 'a:b', '*', '\\', 'NOT', '~~~', 'Kim Jong-Un!']) {
      const res = await request(app).get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.hits)).toBe(true);
    }
  });

  it("lists the 1961 and the 2000 treaties among the DPRK's neighbours, with the total reported", async () => {
    const { neighbors, t1961, t2000 } = await dprkTreaties();
    expect(t1961).not.toBe('');
    expect(t2000).not.toBe('');
    expect(neighbors.total).toBeGreaterThanOrEqual(2);
    expect(neighbors.countsByType.Treaty).toBe(neighbors.total);
  });

  it('keeps the most relevant neighbours above the limit and flags the cut', async () => {
    const dprk = await findOne('DPRK', 'State');
    const all = await get<NeighborsResponse>(`/api/nodes/${encodeURIComponent(dprk.id)}/neighbors?limit=1000`);
    expect(all.truncated).toBe(false);
    expect(all.returned).toBe(all.total);
    const two = await get<NeighborsResponse>(`/api/nodes/${encodeURIComponent(dprk.id)}/neighbors?limit=2`);
    expect(two.total).toBe(all.total);
    expect(two.returned).toBe(2);
    expect(two.truncated).toBe(all.total > 2);
    expect(two.nodes.filter((n) => n.id !== two.center)).toHaveLength(2);
    expect(two.center).toBe(dprk.id);
  });

  it('shows that the 2000 treaty SUPERSEDES the 1961 one, with evidence from the document', async () => {
    const { t1961, t2000 } = await dprkTreaties();
    const details = await get<NodeDetails>(`/api/nodes/${encodeURIComponent(t2000)}`);
    const supersedes = details.relations.find(
      (r) => r.type === 'SUPERSEDES' && r.direction === 'out' && r.other.id === t1961,
    );
    expect(supersedes).toBeDefined();
    expect(details.relationCounts.SUPERSEDES).toBeGreaterThanOrEqual(1);
    const edge = await get<EdgeDetails>(`/api/edges/${encodeURIComponent(supersedes!.id)}`);
    expect(edge.edge.type).toBe('SUPERSEDES');
    expect(edge.source.id).toBe(t2000);
    expect(edge.target.id).toBe(t1961);
    expect(edge.evidence.length).toBeGreaterThan(0);
    const document = await get<DocumentDetails>(`/api/documents/${encodeURIComponent(edge.evidence[0].document)}`);
    expect(document.text.slice(edge.evidence[0].start, edge.evidence[0].end)).toBe(edge.evidence[0].text);
    expect(edge.evidence[0].documentTitle).toBe(document.title);
  });

  it("gives a node's mentions with sentences that occur in their document's text", async () => {
    const shoigu = await findOne('Shoigu', 'Person');
    const details = await get<NodeDetails>(`/api/nodes/${encodeURIComponent(shoigu.id)}`);
    expect(details.node.name).toMatch(/Shoigu/);
    expect(details.mentions.length).toBeGreaterThan(0);
    const mention = details.mentions[0];
    const document = await get<DocumentDetails>(`/api/documents/${encodeURIComponent(mention.document)}`);
    expect(document.text.slice(mention.start, mention.end)).toBe(mention.text);
    expect(document.text).toContain(mention.sentence);
    expect(mention.sentence).toContain(mention.text);
    expect(document.mentions.some((m) => m.entityId === shoigu.id && m.start === mention.start)).toBe(true);
  });

  it('answers a subgraph for ids: the entities, their facts with each other and with what is around them', async () => {
    const { dprk, t1961, t2000 } = await dprkTreaties();
    const both = await request(app)
      .post('/api/subgraph')
      .send({ ids: [t1961, t2000] });
    expect(both.status).toBe(200);
    expect((both.body as Subgraph).nodes.map((n) => n.id).sort()).toEqual([t1961, t2000].sort());
    expect((both.body as Subgraph).edges.some((e) => e.type === 'SUPERSEDES')).toBe(true);
    const around = (
      await request(app)
        .post('/api/subgraph')
        .send({ ids: [t2000], around: [dprk] })
    ).body as Subgraph;
    expect(around.nodes.map((n) => n.id).sort()).toEqual([dprk, t2000].sort());
    expect(around.edges.every((e) => [e.source, e.target].includes(t2000))).toBe(true);
    expect(around.edges.some((e) => e.type === 'PARTY_TO')).toBe(true);
    const bad = await request(app).post('/api/subgraph').send({ ids: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_INPUT');
  });

  it('finds the shortest paths between two entities within the hop limit', async () => {
    const { dprk, t2000 } = await dprkTreaties();
    const shoigu = await findOne('Shoigu', 'Person');
    const paths = await get<PathsResponse>(
      `/api/paths?from=${encodeURIComponent(dprk)}&to=${encodeURIComponent(t2000)}&maxHops=3`,
    );
    expect(paths.paths.length).toBeGreaterThan(0);
    expect(paths.paths[0].nodes[0]).toBe(dprk);
    expect(paths.paths[0].nodes.at(-1)).toBe(t2000);
    const edgeIds = new Set(paths.edges.map((e) => e.id));
    for (const path of paths.paths) for (const id of path.edges) expect(edgeIds.has(id)).toBe(true);
    const far = await get<PathsResponse>(
      `/api/paths?from=${encodeURIComponent(shoigu.id)}&to=${encodeURIComponent(t2000)}&maxHops=1`,
    );
    expect(far.paths.every((p) => p.edges.length <= 1)).toBe(true);
  });

  it('follows only the relation types asked for, and through documents only when asked', async () => {
    const shoigu = await findOne('Shoigu', 'Person');
    const { dprk } = await dprkTreaties();
    const base = `/api/paths?from=${encodeURIComponent(shoigu.id)}&to=${encodeURIComponent(dprk)}&maxHops=4`;
    const all = await get<PathsResponse>(base);
    expect(all.nodes.every((n) => n.type !== 'Document')).toBe(true);
    const visited = await get<PathsResponse>(`${base}&relTypes=VISITED`);
    expect(visited.edges.length).toBeGreaterThan(0);
    expect(visited.edges.every((e) => e.type === 'VISITED')).toBe(true);
    const viaDocuments = await get<PathsResponse>(`${base}&relTypes=ATTACKED&throughDocuments=true`);
    expect(viaDocuments.paths.length).toBeGreaterThan(0);
    expect(viaDocuments.edges.every((e) => e.type === 'ATTACKED' || e.type === 'MENTIONED_IN')).toBe(true);
    const noDocuments = await get<PathsResponse>(`${base}&relTypes=SUPERSEDES`);
    expect(noDocuments.paths).toEqual([]);
    const bad = await request(app).get(`${base}&relTypes=MENTIONED_IN`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/relTypes/);
  });

  it('lists the documents and gives one with its text, kept ranges and mention spans', async () => {
    const list = await get<{ documents: Array<{ id: string; title: string; wordCount: number }>; total: number }>(
      '/api/documents',
    );
    expect(list.total).toBe(5);
    expect(list.documents).toHaveLength(5);
    expect(list.documents.every((d) => d.title.length > 0 && d.wordCount > 100)).toBe(true);
    const document = await get<DocumentDetails>(`/api/documents/${encodeURIComponent(list.documents[0].id)}`);
    expect(document.text.length).toBeGreaterThan(1000);
    expect(document.keptRanges.length).toBeGreaterThan(0);
    for (const m of document.mentions) expect(document.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('answers 400 naming the field for bad parameters', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/api/search', /\bq\b/],
      ['/api/search?q=kim&limit=0', /limit/],
      ['/api/search?q=kim&types=Planet', /types/],
      ['/api/graph?limit=abc', /limit/],
      ['/api/nodes/state:x/neighbors?relTypes=DROP%20ALL', /relTypes/],
      ['/api/nodes/state:x/neighbors?limit=-1', /limit/],
      ['/api/paths?from=state:x', /\bto\b/],
      ['/api/paths?from=a&to=b&maxHops=9', /maxHops/],
      ['/api/documents?offset=-3', /offset/],
    ];
    for (const [url, field] of cases) {
      const res = await request(app).get(url);
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({
        url,
        status: 400,
        code: 'INVALID_INPUT',
      });
      expect(res.body.error.message).toMatch(field);
    }
  });

  it('answers 404 NOT_FOUND for unknown ids', async () => {
    for (const url of [
      '/api/nodes/person:nobody',
      '/api/nodes/person:nobody/neighbors',
      '/api/edges/rel:0000000000000000',
      '/api/documents/doc-0000000000000000',
      '/api/paths?from=person:nobody&to=state:nowhere',
    ]) {
      const res = await request(app).get(url);
      expect({ url, status: res.status, code: res.body.error?.code }).toEqual({ url, status: 404, code: 'NOT_FOUND' });
    }
  });
});
