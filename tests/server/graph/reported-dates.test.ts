/**
 * Every entity in a graph answer says when it was reported: the published dates of the documents that
 * mention it, and how many documents those are. Hand-written documents with known dates, stored by the
 * real writer into the test Neo4j, read through the HTTP API.
 */
import request from 'supertest';
import type {
  GraphNode,
  NeighborsResponse,
  NodeDetails,
  OverviewResponse,
  PathsResponse,
  Subgraph,
} from '../../../graph/model/api-types';
import { storeDocument } from '../../../graph/neo4j/store-document';
import { reportedDate } from '../../../graph/neo4j/reported-dates';
import { connectTestNeo4j, emptyDatabase } from '../../support/neo4j';
import { testApp } from '../test-app';
import { DOC_A, DOC_B, DOC_C, IDS, koreaDocument } from '../workshops/fixtures/korea-import';

function published(doc: typeof DOC_A, date: string | undefined) {
  const extracted = koreaDocument(doc);
  return { ...extracted, document: { ...extracted.document, published: date } };
}

describe('reported dates in graph answers', () => {
  const connection = connectTestNeo4j();
  const app = testApp(connection);

  beforeAll(async () => {
    await emptyDatabase(connection);
    await storeDocument(connection, published(DOC_A, '2024-03-01'));
    await storeDocument(connection, published(DOC_B, '2023-11-20T08:00:00Z'));
    await storeDocument(connection, published(DOC_C, undefined));
  }, 60_000);
  afterAll(() => connection.close());

  async function get<T>(url: string): Promise<T> {
    const res = await request(app).get(url);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  }
  const byId = (nodes: GraphNode[], id: string) => nodes.find((n) => n.id === id);

  it('gives each entity of the overview its sources and the distinct dates they were published, sorted', async () => {
    const overview = await get<OverviewResponse>('/api/graph?limit=50');
    expect(byId(overview.nodes, IDS.kim)).toMatchObject({ sources: 2, reported: ['2023-11-20', '2024-03-01'] });
    // DOC_C has no published date: it counts as a source but gives no date.
    expect(byId(overview.nodes, IDS.pyongyang)).toMatchObject({ sources: 2, reported: ['2023-11-20'] });
    expect(byId(overview.nodes, IDS.northKorea)).toMatchObject({
      sources: 3,
      reported: ['2023-11-20', '2024-03-01'],
    });
  });

  it('gives them in subgraph, neighbour, path and node answers alike', async () => {
    const subgraph = (
      await request(app)
        .post('/api/subgraph')
        .send({ ids: [IDS.armistice] })
    ).body as Subgraph;
    expect(byId(subgraph.nodes, IDS.armistice)).toMatchObject({ sources: 1, reported: ['2024-03-01'] });
    const neighbors = await get<NeighborsResponse>(`/api/nodes/${encodeURIComponent(IDS.kim)}/neighbors`);
    expect(byId(neighbors.nodes, IDS.pyongyang)).toMatchObject({ sources: 2, reported: ['2023-11-20'] });
    expect(byId(neighbors.nodes, IDS.kim)).toMatchObject({ sources: 2 });
    const paths = await get<PathsResponse>(
      `/api/paths?from=${encodeURIComponent(IDS.kim)}&to=${encodeURIComponent(IDS.armistice)}`,
    );
    expect(paths.paths.length).toBeGreaterThan(0);
    expect(byId(paths.nodes, IDS.armistice)).toMatchObject({ sources: 1, reported: ['2024-03-01'] });
    const details = await get<NodeDetails>(`/api/nodes/${encodeURIComponent(IDS.pyongyang)}`);
    expect(details.node).toMatchObject({ sources: 2, reported: ['2023-11-20'] });
  });

  it('reads a stored published value as its date part, and nothing from what is not a date', () => {
    expect(reportedDate('2024-05-01T10:00:00Z')).toBe('2024-05-01');
    expect(reportedDate(' 2024-05 ')).toBe('2024-05');
    expect(reportedDate('2024')).toBe('2024');
    expect(reportedDate('May 2024')).toBeNull();
    expect(reportedDate(null)).toBeNull();
  });
});
