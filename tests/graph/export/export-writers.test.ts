import Graph, { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { unzipSync, strFromU8 } from 'fflate';
import fixture from '../../fixtures/server/treaty-subgraph.json';
import { applyView, exportFileType, writeExport } from '../../../graph/export';
import { escapeXml, jsonText } from '../../../graph/export/attributes';
import { parseColor } from '../../../graph/export/view';
import { splitStatements } from '../../../graph/neo4j/cypher-guard';
import type { ExportFormat } from '../../../graph/model/api-types';
import { ChunkCollector } from '../../support/export-stream';

function fixtureGraph(): Graph {
  const graph = new MultiDirectedGraph();
  graph.import(structuredClone(fixture) as never); // import keeps the attribute objects it is given
  return graph;
}

/** The fixture as the explorer drew it: every node placed, coloured and sized, one at an awkward spot. */
function drawnGraph(): Graph {
  const graph = fixtureGraph();
  applyView(graph, {
    'state:dprk': { x: 12.5, y: -3.25, color: '#4e79a7', size: 8 },
    'state:russia': { x: -100.125, y: 40, color: '#f28e2b', size: 14.5 },
    'treaty:1961-treaty': { x: 0, y: 0, color: 'rgb(89, 161, 79)', size: 5 },
    'treaty:2000-treaty': { x: 1e-3, y: 250000.75, color: '#e15759', size: 5 },
    'person:odd': { x: 7, y: 7, color: '#76b7b2', size: 3 },
  });
  return graph;
}

async function exported(graph: Graph, format: ExportFormat, options: { csvPart?: 'nodes' | 'edges' | 'both' } = {}) {
  const stream = new ChunkCollector();
  await writeExport(graph, format, stream, options);
  return stream;
}

/** What survives a format that holds only scalars: structured values compared as their JSON text. */
function scalarView(attributes: Record<string, unknown>, parseJson: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || key === 'label') continue;
    if (key === 'color' && typeof value === 'string') {
      const { r, g, b } = parseColor(value)!;
      out[key] = `rgb(${r},${g},${b})`;
    } else if (parseJson && typeof value === 'string' && /^[[{]/.test(value)) out[key] = JSON.parse(value);
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

/** A graph large enough to need many chunks: 3,000 nodes, 7,500 edges with evidence. */
function largeGraph(): Graph {
  const graph = new MultiDirectedGraph();
  for (let i = 0; i < 3000; i++) graph.addNode(`n${i}`, { type: 'Person', name: `Person ${i}`, aliases: [`P${i}`] });
  for (let i = 0; i < 7500; i++)
    graph.addEdgeWithKey(`e${i}`, `n${i % 3000}`, `n${(i * 7) % 3000}`, {
      type: 'MET_WITH',
      confidence: 0.5,
      evidence: [{ document: 'doc-1', text: `"Person ${i}" met <them> & more.`, start: i, end: i + 30 }],
    });
  return graph;
}

describe('export writers', () => {
  it('writes GEXF 1.3 that graphology-gexf reads back with the same nodes, edges, attributes and positions', async () => {
    const graph = drawnGraph();
    const gexf = (await exported(graph, 'gexf')).text();
    expect(gexf).toContain('version="1.3"');
    expect(gexf).toContain('type="liststring"');
    expect(gexf).toContain('<viz:position x="-100.125" y="40"/>');
    expect(gexf).toContain('<viz:color r="78" g="121" b="167"/>');
    expect(gexf).toContain('<viz:size value="14.5"/>');
    expect(gexf).not.toMatch(/<attribute [^>]*title="(x|y|color|size)"/);
    sameGraph(parseGexf(MultiDirectedGraph, gexf), graph, true);
  });

  it('writes GEXF without viz elements for a graph that was never drawn', async () => {
    const graph = fixtureGraph();
    const gexf = (await exported(graph, 'gexf')).text();
    expect(gexf).not.toContain('<viz:');
    sameGraph(parseGexf(MultiDirectedGraph, gexf), graph, true);
  });

  it('writes GraphML with typed keys, positions, colours and sizes that graphology-graphml reads back identically', async () => {
    const graph = drawnGraph();
    const graphml = (await exported(graph, 'graphml')).text();
    expect(graphml).toMatch(/<key id="n\d+" for="node" attr.name="year" attr.type="int"\/>/);
    expect(graphml).toMatch(/attr.name="score" attr.type="double"/);
    expect(graphml).toMatch(/attr.name="big" attr.type="long"/);
    expect(graphml).toMatch(/attr.name="active" attr.type="boolean"/);
    expect(graphml).toMatch(/for="edge" attr.name="confidence" attr.type="double"/);
    expect(graphml).toMatch(/for="node" attr.name="x" attr.type="double"/);
    expect(graphml).toMatch(/for="node" attr.name="color" attr.type="string"/);
    const reread = parseGraphml(MultiDirectedGraph, graphml);
    sameGraph(reread, graph, true);
    expect(reread.getNodeAttribute('state:russia', 'x')).toBe(-100.125);
  });

  it('writes the same text as JSON.stringify(graph.export()), which graph.import restores exactly', async () => {
    const graph = drawnGraph();
    const json = (await exported(graph, 'json')).text();
    expect(json).toBe(JSON.stringify(graph.export()));
    const copy = new MultiDirectedGraph();
    copy.import(JSON.parse(json));
    sameGraph(copy, graph, false);
  });

  it('writes CSV as nodes.csv and edges.csv in a zip, numbers rounded to four decimals, formulas defused', async () => {
    const graph = drawnGraph();
    graph.setEdgeAttribute('rel:aaaa', 'confidence', 0.123456789);
    expect(exportFileType('csv')).toEqual({ contentType: 'application/zip', extension: 'zip' });
    const files = unzipSync(new Uint8Array((await exported(graph, 'csv')).bytes()));
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
    const nodes = strFromU8(files['nodes.csv']).split('\r\n');
    expect(nodes[0].startsWith('id,type,name,aliases')).toBe(true);
    expect(nodes[0]).toContain(',x,y,color,size');
    expect(nodes).toHaveLength(graph.order + 2);
    expect(nodes.find((line) => line.startsWith('person:odd'))).toContain(`"'=HYPERLINK(""x"")"`);
    expect(nodes.find((line) => line.startsWith('treaty:2000-treaty'))).toContain(',0.001,250000.75,#e15759,5');
    const edges = strFromU8(files['edges.csv']);
    expect(edges.startsWith('id,source,target,type,confidence,evidenceCount,evidence')).toBe(true);
    expect(edges).toContain('rel:aaaa,treaty:2000-treaty,treaty:1961-treaty,SUPERSEDES,0.1235,1,');
    expect(edges).toContain('rel:bbbb,state:dprk,treaty:1961-treaty,PARTY_TO,0.8,2,');
    expect(edges).toContain('It\'s ""automatic"".');
    expect(strFromU8(files['edges.csv'])).toBe((await exported(graph, 'csv', { csvPart: 'edges' })).text());
  });

  it('writes a Cypher script of MERGE statements that splits into statements at its semicolons', async () => {
    const graph = fixtureGraph();
    const script = (await exported(graph, 'cypher')).text();
    const statements = splitStatements(script);
    expect(statements.length).toBeGreaterThanOrEqual(2 + 3 + 4);
    expect(script).toContain('MERGE (n:Entity {id: row.id})\nSET n += row.props, n:Treaty;');
    expect(script).toContain('automatic intervention "if attacked"; <b>&</b>');
    expect(script).toContain('MERGE (a)-[r:SUPERSEDES {id: row.id}]->(b)');
    expect(script).toContain('evidenceStarts: [10], evidenceEnds: [51], evidenceConfidences: [0.9]');
  });

  it.each(['gexf', 'graphml', 'json', 'cypher'] as const)(
    'streams %s in chunks of about 64 KiB, waiting for a slow reader, instead of one string',
    async (format) => {
      const graph = largeGraph();
      const slow = new ChunkCollector({ highWaterMark: 1024, slow: true });
      await writeExport(graph, format, slow);
      expect(slow.chunks.length).toBeGreaterThan(10);
      const largest = Math.max(...slow.chunks.map((chunk) => chunk.length));
      expect(largest).toBeLessThan(3 * 65_536); // a chunk, plus one element, in UTF-8
      const fast = await exported(graph, format);
      expect(slow.text()).toBe(fast.text());
    },
  );
});

describe('JSON values in exports', () => {
  it('are the same text JSON.stringify writes, escapes and odd values included', () => {
    const values: unknown[] = [
      [
        {
          document: 'd',
          text: 'He said "no" \\ \n\u2028 😀 \ud800x',
          start: 1,
          end: 2.5,
          confidence: 0.9,
          skip: undefined,
        },
      ],
      [{ n: null, yes: true, inf: Infinity, nan: Number.NaN }],
      ['a', 'b"c', 'tab\t'],
      [undefined, 1],
      [{ nested: { deep: 1 } }],
      [[1, 2]],
      [],
      {},
      { key: 'value' },
    ];
    for (const value of values) expect(jsonText(value)).toBe(JSON.stringify(value));
  });
});

describe('XML escaping', () => {
  it('escapes markup and quotes, keeps tabs and line breaks as references, drops what XML 1.0 cannot hold', () => {
    expect(escapeXml('plain text, nothing to do')).toBe('plain text, nothing to do');
    expect(escapeXml(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(escapeXml('tab\there\nline\r')).toBe('tab&#9;here&#10;line&#13;');
    expect(escapeXml('bell\u0007 and \ufffe\uffff gone')).toBe('bell and  gone');
    expect(escapeXml('Kim Jŏng-ŭn 😀 ?=>')).toBe('Kim Jŏng-ŭn 😀 ?=&gt;');
  });
});
