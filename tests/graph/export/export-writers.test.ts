import Graph, { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import fixture from '../../fixtures/server/treaty-subgraph.json';
import {
  writeCsv,
  writeCypherScript,
  writeExport,
  writeGexf,
  writeGraphml,
  writeGraphologyJson,
} from '../../../graph/export';
import { splitStatements } from '../../../graph/neo4j/cypher-guard';

function fixtureGraph(): Graph {
  const graph = new MultiDirectedGraph();
  graph.import(fixture as never);
  return graph;
}

/** What survives a format that holds only scalars: structured values compared as their JSON text. */
function scalarView(attributes: Record<string, unknown>, parseJson: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || key === 'label') continue;
    if (parseJson && typeof value === 'string' && /^[[{]/.test(value)) out[key] = JSON.parse(value);
    else out[key] = value;
  }
  return out;
}

function sameGraph(actual: Graph, expected: Graph, parseJson: boolean): void {
  expect(actual.order).toBe(expected.order);
  expect(actual.size).toBe(expected.size);
  expected.forEachNode((node, attributes) => {
    expect(actual.hasNode(node)).toBe(true);
    expect(scalarView(actual.getNodeAttributes(node), parseJson)).toEqual(scalarView(attributes, parseJson));
  });
  expected.forEachEdge((edge, attributes, source, target) => {
    expect(actual.hasEdge(edge)).toBe(true);
    expect(actual.source(edge)).toBe(source);
    expect(actual.target(edge)).toBe(target);
    expect(scalarView(actual.getEdgeAttributes(edge), parseJson)).toEqual(scalarView(attributes, parseJson));
  });
}

describe('export writers', () => {
  it('writes GEXF 1.3 that graphology-gexf reads back with the same nodes, edges and attributes', () => {
    const graph = fixtureGraph();
    const gexf = writeGexf(graph);
    expect(gexf).toContain('version="1.3"');
    expect(gexf).toContain('type="liststring"');
    const reread = parseGexf(MultiDirectedGraph, gexf);
    sameGraph(reread, graph, true);
  });

  it('writes GraphML with typed key declarations that graphology-graphml reads back identically', () => {
    const graph = fixtureGraph();
    const graphml = writeGraphml(graph);
    expect(graphml).toMatch(/<key id="n\d+" for="node" attr.name="year" attr.type="int"\/>/);
    expect(graphml).toMatch(/attr.name="score" attr.type="double"/);
    expect(graphml).toMatch(/attr.name="big" attr.type="long"/);
    expect(graphml).toMatch(/attr.name="active" attr.type="boolean"/);
    expect(graphml).toMatch(/for="edge" attr.name="confidence" attr.type="double"/);
    const reread = parseGraphml(MultiDirectedGraph, graphml);
    sameGraph(reread, graph, true);
  });

  it('writes graphology JSON that graph.import restores exactly', () => {
    const graph = fixtureGraph();
    const copy = new MultiDirectedGraph();
    copy.import(JSON.parse(writeGraphologyJson(graph)));
    sameGraph(copy, graph, false);
  });

  it('writes CSV nodes and edges as two sections, or one plain table per part, quoting and defusing formulas', () => {
    const graph = fixtureGraph();
    const both = writeCsv(graph);
    expect(both.startsWith('# nodes\r\nid,type,name,aliases')).toBe(true);
    expect(both).toContain('\r\n\r\n# edges\r\nid,source,target,type,confidence,evidenceCount,evidence');
    const nodes = writeCsv(graph, 'nodes').split('\r\n');
    expect(nodes).toHaveLength(graph.order + 2);
    expect(nodes.find((line) => line.startsWith('person:odd'))).toContain(`"'=HYPERLINK(""x"")"`);
    const edges = writeCsv(graph, 'edges');
    expect(edges).toContain('rel:bbbb,state:dprk,treaty:1961-treaty,PARTY_TO,0.8,2,');
    expect(edges).toContain('It\'s ""automatic"".');
  });

  it('writes a Cypher script of MERGE statements that splits into statements at its semicolons', () => {
    const graph = fixtureGraph();
    const script = writeCypherScript(graph);
    const statements = splitStatements(script);
    expect(statements.length).toBeGreaterThanOrEqual(2 + 3 + 4);
    expect(script).toContain('MERGE (n:Entity {id: row.id})\nSET n += row.props, n:Treaty;');
    expect(script).toContain('automatic intervention "if attacked"; <b>&</b>');
    expect(script).toContain('MERGE (a)-[r:SUPERSEDES {id: row.id}]->(b)');
  });

  it('names a content type and extension for every format', () => {
    const graph = fixtureGraph();
    for (const format of ['gexf', 'graphml', 'json', 'csv', 'cypher'] as const) {
      const file = writeExport(graph, format);
      expect(file.extension).toBe(format);
      expect(file.body.length).toBeGreaterThan(100);
    }
  });
});
