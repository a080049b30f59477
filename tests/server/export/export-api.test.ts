import Graph, { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import type { NeighborsResponse, SearchResponse } from '../../../graph/model/api-types';
import { splitStatements } from '../../../graph/neo4j/cypher-guard';
import { connectTestNeo4j, countAll, emptyDatabase } from '../../support/neo4j';
import { seedCorpus } from '../../support/seed-database';
import { testApp } from '../test-app';
import { inSession } from '../../../graph/neo4j/transaction';

/** Attributes as a scalar-only format keeps them: structured values compared through their JSON text. */
function comparable(attributes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || key === 'label') continue;
    out[key] = typeof value === 'string' && /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

function expectSameGraph(actual: Graph, expected: Graph): void {
  expect(actual.order).toBe(expected.order);
  expect(actual.size).toBe(expected.size);
  expected.forEachNode((node, attributes) =>
    expect(comparable(actual.getNodeAttributes(node))).toEqual(comparable(attributes)),
  );
  expected.forEachEdge((edge, attributes, source, target) => {
    expect([actual.source(edge), actual.target(edge)]).toEqual([source, target]);
    expect(comparable(actual.getEdgeAttributes(edge))).toEqual(comparable(attributes));
  });
}

/** The download as text, whatever its content type. */
function download(
  app: Parameters<typeof request>[0],
  body: object,
  query = '',
): Promise<request.Response & { body: string }> {
  return request(app)
    .post(`/api/export${query}`)
    .send(body)
    .buffer(true)
    .parse((res, callback) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => callback(null, text));
    }) as never;
}

/** The download as bytes (the CSV zip). */
function downloadBytes(app: Parameters<typeof request>[0], body: object): Promise<request.Response & { body: Buffer }> {
  return request(app)
    .post('/api/export')
    .send(body)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    }) as never;
}

describe('POST /api/export', () => {
  const connection = connectTestNeo4j();
  const app = testApp(connection);
  let nodeIds: string[] = [];
  let reference: MultiDirectedGraph;

  async function exportJson(ids: string[]): Promise<MultiDirectedGraph> {
    const res = await download(app, { format: 'json', nodeIds: ids });
    expect(res.status).toBe(200);
    const graph = new MultiDirectedGraph();
    graph.import(JSON.parse(res.body));
    return graph;
  }

  beforeAll(async () => {
    await seedCorpus(connection);
    const search = await request(app).get('/api/search?q=DPRK&types=State');
    const dprk = (search.body as SearchResponse).hits[0].id;
    const neighbors = (await request(app).get(`/api/nodes/${encodeURIComponent(dprk)}/neighbors?limit=30`))
      .body as NeighborsResponse;
    const documents = (await request(app).get('/api/documents?limit=1')).body as { documents: Array<{ id: string }> };
    // A document too: its text (line breaks, quotes), kept ranges and MENTIONED_IN links must survive every format.
    nodeIds = [...neighbors.nodes.map((n) => n.id), documents.documents[0].id];
    reference = await exportJson(nodeIds);
  }, 300_000);
  afterAll(() => connection.close());

  it('exports the chosen nodes and every relationship among them as graphology JSON that graph.import restores', async () => {
    expect(reference.order).toBe(nodeIds.length);
    expect(reference.size).toBeGreaterThan(0);
    const withEvidence = reference.findEdge(
      (_e, attributes) => Array.isArray(attributes.evidence) && attributes.evidence.length > 0,
    );
    expect(withEvidence).toBeDefined();
    reference.forEachNode((_node, attributes) => {
      expect(typeof attributes.name).toBe('string');
      expect(typeof attributes.type).toBe('string');
    });
  });

  it('exports GEXF 1.3 that graphology-gexf reads back with the same nodes, edges and attributes', async () => {
    const res = await download(app, { format: 'gexf', nodeIds });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/gexf\+xml/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="?dossier-.*\.gexf"?$/);
    expect(res.body).toContain('xmlns="http://gexf.net/1.3"');
    expectSameGraph(parseGexf(MultiDirectedGraph, res.body), reference);
  });

  it('streams the download and carries the view: GEXF viz elements and GraphML attributes read back', async () => {
    const view = Object.fromEntries(
      nodeIds.map((id, i) => [
        id,
        { x: i * 10.5, y: 0.5 - i, color: i % 2 ? '#4e79a7' : 'rgb(242, 142, 43)', size: 2 + i },
      ]),
    );
    const gexf = await download(app, { format: 'gexf', nodeIds, view });
    expect(gexf.status).toBe(200);
    expect(gexf.headers['transfer-encoding']).toBe('chunked');
    const fromGexf = parseGexf(MultiDirectedGraph, gexf.body);
    const graphml = await download(app, { format: 'graphml', nodeIds, view });
    const fromGraphml = parseGraphml(MultiDirectedGraph, graphml.body);
    nodeIds.forEach((id, i) => {
      const color = i % 2 ? 'rgb(78,121,167)' : 'rgb(242,142,43)';
      expect(fromGexf.getNodeAttributes(id)).toMatchObject({ x: i * 10.5, y: 0.5 - i, size: 2 + i, color });
      expect(fromGraphml.getNodeAttributes(id)).toMatchObject({
        x: i * 10.5,
        y: 0.5 - i,
        size: 2 + i,
        color: view[id].color,
      });
    });
    expect(fromGexf.size).toBe(reference.size);
  });

  it('refuses a view with a colour that is not one', async () => {
    const res = await request(app)
      .post('/api/export')
      .send({ format: 'gexf', nodeIds, view: { [nodeIds[0]]: { x: 0, y: 0, color: 'url(javascript:x)' } } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/view/);
  });

  it('exports GraphML with typed keys that graphology-graphml reads back with the same nodes, edges and attributes', async () => {
    const res = await download(app, { format: 'graphml', nodeIds });
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<key id="e\d+" for="edge" attr.name="confidence" attr.type="double"\/>/);
    expectSameGraph(parseGraphml(MultiDirectedGraph, res.body), reference);
  });

  it('exports CSV as nodes.csv and edges.csv in a zip, or one table with ?part=', async () => {
    const both = await downloadBytes(app, { format: 'csv', nodeIds });
    expect(both.headers['content-type']).toMatch(/application\/zip/);
    expect(both.headers['content-disposition']).toMatch(/\.zip"?$/);
    const files = unzipSync(new Uint8Array(both.body));
    expect(strFromU8(files['nodes.csv']).startsWith('id,type,name,aliases')).toBe(true);
    expect(strFromU8(files['edges.csv']).startsWith('id,source,target,type')).toBe(true);
    expect(strFromU8(files['nodes.csv']).trim().split('\r\n')).toHaveLength(nodeIds.length + 1);
    const nodes = await download(app, { format: 'csv', nodeIds }, '?part=nodes');
    expect(nodes.body.trim().split('\r\n')).toHaveLength(nodeIds.length + 1);
    expect(nodes.headers['content-disposition']).toMatch(/-nodes\.csv"?$/);
  });

  it('exports what a read-only query returns, and refuses a query that writes', async () => {
    const res = await download(app, {
      format: 'json',
      query: 'MATCH p = (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN p',
      params: { ids: nodeIds },
    });
    expect(res.status).toBe(200);
    const graph = new MultiDirectedGraph();
    graph.import(JSON.parse(res.body));
    expect(graph.size).toBe(reference.size);
    const write = await request(app).post('/api/export').send({ format: 'json', query: 'CREATE (n:Hacked) RETURN n' });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('QUERY_REJECTED');
  });

  it('bounds an export by query in bytes as its rows stream in, and says so', async () => {
    const capped = testApp(connection, { env: { CYPHER_MAX_BYTES: '20000' } });
    const query = 'MATCH (d:Document) RETURN d';
    const whole = await download(app, { format: 'json', query });
    expect(whole.headers['x-dossier-truncated']).toBe('false');
    expect(whole.body.length).toBeGreaterThan(20_000); // the corpus documents with their text
    const res = await download(capped, { format: 'json', query });
    expect(res.status).toBe(200);
    expect(res.headers['x-dossier-truncated']).toBe('true');
    expect(res.headers['x-dossier-truncated-reason']).toBe('BYTES');
    expect(Number(res.headers['x-dossier-nodes'])).toBeGreaterThan(0);
    expect(Buffer.byteLength(res.body)).toBeLessThan(20_000);
  });

  it('answers 400 naming the field for a bad request and 404 for unknown node ids', async () => {
    const noFormat = await request(app).post('/api/export').send({ nodeIds });
    expect(noFormat.status).toBe(400);
    expect(noFormat.body.error.message).toMatch(/format/);
    const both = await request(app).post('/api/export').send({ format: 'json', nodeIds, query: 'MATCH (n) RETURN n' });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/nodeIds/);
    const unknown = await request(app)
      .post('/api/export')
      .send({ format: 'json', nodeIds: ['person:nobody'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });

  it('exports a Cypher script that recreates the same subgraph on an empty database', async () => {
    const res = await download(app, { format: 'cypher', nodeIds });
    expect(res.status).toBe(200);
    await emptyDatabase(connection);
    expect((await countAll(connection)).nodes).toBe(0);
    await inSession(connection, 'write', async (session) => {
      for (const statement of splitStatements(res.body)) await session.run(statement);
    });
    expect(await countAll(connection)).toEqual({ nodes: reference.order, relationships: reference.size });
    expectSameGraph(await exportJson(nodeIds), reference);
  });
});
