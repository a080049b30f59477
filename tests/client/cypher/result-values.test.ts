import type {
  CypherNodeValue,
  CypherPathValue,
  CypherRelationshipValue,
  CypherResponse,
} from '../../../graph/model/api-types';
import { namesOf, pathText, valueText } from '../../../client/cypher/result-values';
import { planText, resultText } from '../../../client/cypher/result-text';

const kim: CypherNodeValue = {
  kind: 'node',
  id: 'person:kim',
  elementId: 'e:1',
  labels: ['Entity', 'Person'],
  properties: { name: 'Kim Jong Un' },
};
const putin: CypherNodeValue = {
  kind: 'node',
  id: 'person:putin',
  elementId: 'e:2',
  labels: ['Person', 'Entity'],
  properties: { name: 'Vladimir Putin' },
};
const russia: CypherNodeValue = {
  kind: 'node',
  id: 'state:russia',
  elementId: 'e:3',
  labels: ['State'],
  properties: { name: 'Russia' },
};
const met: CypherRelationshipValue = {
  kind: 'relationship',
  id: 'rel:met',
  elementId: 'r:1',
  type: 'MET_WITH',
  startElementId: 'e:1',
  endElementId: 'e:2',
  properties: {},
};
const leads: CypherRelationshipValue = {
  kind: 'relationship',
  id: 'rel:leads',
  elementId: 'r:2',
  type: 'LEADS',
  startElementId: 'e:2',
  endElementId: 'e:3',
  properties: {},
};

function response(rows: unknown[][], graph: CypherResponse['graph'] = { nodes: [], edges: [] }): CypherResponse {
  return {
    columns: rows[0]?.map((_, i) => `c${i}`) ?? [],
    rows,
    graph,
    truncated: false,
    rowCount: rows.length,
    elapsedMs: 1,
  };
}

describe('Cypher values in words', () => {
  it('writes a node with its name and type label, not the generic Entity label', () => {
    expect(valueText(kim, () => undefined)).toBe('(Kim Jong Un:Person)');
  });

  it('names the ends of a relationship from the nodes in the rows', () => {
    const names = namesOf(response([[kim, met, putin]]));
    expect(valueText(met, names)).toBe('(Kim Jong Un)-[:MET_WITH]->(Vladimir Putin)');
  });

  it('names the ends of a relationship returned alone from the answer graph', () => {
    const graph = {
      nodes: [
        { id: 'person:kim', type: 'Person', name: 'Kim Jong Un', attributes: {} },
        { id: 'person:putin', type: 'Person', name: 'Vladimir Putin', attributes: {} },
      ],
      edges: [{ id: 'rel:met', type: 'MET_WITH', source: 'person:kim', target: 'person:putin', attributes: {} }],
    };
    expect(valueText(met, namesOf(response([[met]], graph)))).toBe('(Kim Jong Un)-[:MET_WITH]->(Vladimir Putin)');
    expect(valueText(met, namesOf(response([[met]])))).toBe('(?)-[:MET_WITH]->(?)');
  });

  it('writes a path hop by hop, each arrow the way its relationship points', () => {
    // Russia <-LEADS- Putin <-MET_WITH- Kim, walked from Russia
    const path: CypherPathValue = { kind: 'path', nodes: [russia, putin, kim], relationships: [leads, met] };
    expect(pathText(path)).toBe('(Russia)<-[:LEADS]-(Vladimir Putin)<-[:MET_WITH]-(Kim Jong Un)');
    const forward: CypherPathValue = { kind: 'path', nodes: [kim, putin, russia], relationships: [met, leads] };
    expect(pathText(forward)).toBe('(Kim Jong Un)-[:MET_WITH]->(Vladimir Putin)-[:LEADS]->(Russia)');
  });

  it('writes lists and maps inline, quoting the strings inside them', () => {
    expect(valueText([kim, 'a', 2, null], () => undefined)).toBe('[(Kim Jong Un:Person), "a", 2, null]');
    expect(valueText({ who: kim, n: 1 }, () => undefined)).toBe('{who: (Kim Jong Un:Person), n: 1}');
    expect(valueText('plain', () => undefined)).toBe('plain');
    expect(valueText(null, () => undefined)).toBe('');
  });
});

describe('the text tab', () => {
  it('draws a bordered table whose columns line up, and counts the rows', () => {
    const text = resultText({
      ...response([
        [kim, 1],
        [putin, 22],
      ]),
      columns: ['who', 'n'],
    });
    const lines = text.split('\n');
    expect(lines).toEqual([
      '+-------------------------+----+',
      '| who                     | n  |',
      '+-------------------------+----+',
      '| (Kim Jong Un:Person)    | 1  |',
      '| (Vladimir Putin:Person) | 22 |',
      '+-------------------------+----+',
      '2 rows',
    ]);
  });

  it('writes a plan as an indented tree with whole estimated rows', () => {
    const plan = {
      operator: 'ProduceResults',
      identifiers: ['p'],
      estimatedRows: 12.4,
      children: [
        { operator: 'NodeByLabelScan', details: 'p:Person', estimatedRows: 0.42, identifiers: ['p'], children: [] },
      ],
    };
    expect(planText(plan)).toBe('ProduceResults  ~12 rows\n  └ NodeByLabelScan  p:Person  ~0.4 rows');
  });
});
