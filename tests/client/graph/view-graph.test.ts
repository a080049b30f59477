import type { Subgraph } from '../../../graph/model/api-types';
import {
  createViewGraph,
  initialPosition,
  leavesOf,
  mergeSubgraph,
  removeNodes,
  restoreGraph,
  snapshotGraph,
} from '../../../client/graph/view-graph';
import { MAX_NODE_SIZE, MIN_NODE_SIZE, nodeTypeStyle } from '../../../client/appearance/node-style';

const node = (id: string, type = 'Person', degree?: number) => ({
  id,
  type,
  name: id.toUpperCase(),
  attributes: {},
  degree,
});
const edge = (id: string, source: string, target: string, type = 'MET_WITH') => ({
  id,
  type,
  source,
  target,
  attributes: {},
});

const triangle: Subgraph = {
  nodes: [node('a', 'Person', 10), node('b', 'State', 1), node('c', 'Event', 4)],
  edges: [edge('e1', 'a', 'b'), edge('e2', 'b', 'c', 'PARTICIPATED_IN'), edge('e3', 'a', 'c', 'PARTICIPATED_IN')],
};

describe('the view graph', () => {
  it('adds nodes with their data apart from rendering attributes', () => {
    const graph = createViewGraph();
    const result = mergeSubgraph(graph, triangle);
    expect(result.addedNodes).toEqual(['a', 'b', 'c']);
    expect(graph.getNodeAttribute('a', 'data').name).toBe('A');
    expect(graph.getNodeAttribute('b', 'color')).toBe(nodeTypeStyle('State').color);
    expect(graph.getNodeAttribute('a', 'label')).toBe('A');
  });

  it('sizes nodes by degree, the best connected largest', () => {
    const graph = createViewGraph();
    mergeSubgraph(graph, triangle);
    expect(graph.getNodeAttribute('a', 'size')).toBeCloseTo(MAX_NODE_SIZE);
    expect(graph.getNodeAttribute('b', 'size')).toBeGreaterThan(MIN_NODE_SIZE - 0.001);
    expect(graph.getNodeAttribute('b', 'size')).toBeLessThan(graph.getNodeAttribute('c', 'size'));
  });

  it('skips edges whose ends are not loaded and does not duplicate known elements', () => {
    const graph = createViewGraph();
    mergeSubgraph(graph, triangle);
    const again = mergeSubgraph(graph, { nodes: [node('a')], edges: [edge('e1', 'a', 'b'), edge('e9', 'a', 'zzz')] });
    expect(again.addedNodes).toEqual([]);
    expect(again.addedEdges).toEqual([]);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
  });

  it('curves parallel edges to both sides and keeps a lone edge straight', () => {
    const graph = createViewGraph();
    mergeSubgraph(graph, {
      nodes: [node('a'), node('b'), node('c')],
      edges: [edge('p1', 'a', 'b'), edge('p2', 'b', 'a', 'ATTACKED'), edge('solo', 'a', 'c')],
    });
    expect(graph.getEdgeAttribute('solo', 'type')).toBe('straight');
    expect(graph.getEdgeAttribute('p1', 'type')).toBe('curved');
    expect(graph.getEdgeAttribute('p2', 'type')).toBe('curved');
    // p2 goes the other way, so the same sign of curvature would put both on one side: signs must match.
    expect(Math.sign(graph.getEdgeAttribute('p1', 'curvature'))).toBe(
      Math.sign(graph.getEdgeAttribute('p2', 'curvature')),
    );
  });

  it('places new nodes at the same spot whatever the load order', () => {
    expect(initialPosition('person:sergei-shoigu')).toEqual(initialPosition('person:sergei-shoigu'));
    const near = initialPosition('x', { x: 1000, y: 1000 }, 100);
    expect(Math.hypot(near.x - 1000, near.y - 1000)).toBeLessThanOrEqual(25);
  });

  it('restores a snapshot exactly', () => {
    const graph = createViewGraph();
    mergeSubgraph(graph, triangle);
    const before = snapshotGraph(graph);
    removeNodes(graph, ['a']);
    expect(graph.order).toBe(2);
    restoreGraph(graph, before);
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
  });

  it('collapses only the neighbours that hang on the node alone', () => {
    const graph = createViewGraph();
    mergeSubgraph(graph, {
      nodes: [node('hub'), node('leaf1'), node('leaf2'), node('shared'), node('other')],
      edges: [
        edge('1', 'hub', 'leaf1'),
        edge('2', 'leaf2', 'hub'),
        edge('3', 'hub', 'shared'),
        edge('4', 'shared', 'other'),
      ],
    });
    expect(leavesOf(graph, 'hub').sort()).toEqual(['leaf1', 'leaf2']);
  });

  it('draws a hypothesis dashed with its label after a question mark, and curves the facts beside it', () => {
    const graph = createViewGraph();
    mergeSubgraph(graph, triangle);
    mergeSubgraph(graph, {
      nodes: [],
      edges: [{ id: 'hyp-1', type: 'HYPOTHESIS', source: 'a', target: 'b', attributes: { label: 'funds' } }],
    });
    expect(graph.getEdgeAttribute('hyp-1', 'type')).toBe('dashed');
    expect(graph.getEdgeAttribute('hyp-1', 'label')).toBe('? funds');
    expect(graph.getEdgeAttribute('hyp-1', 'curvature')).toBe(0);
    expect(graph.getEdgeAttribute('e1', 'type')).toBe('curved');
    expect(graph.getEdgeAttribute('e1', 'curvature')).not.toBe(0);
  });

  it('gives a known node its new name and colour when fresh data renames or retypes it', () => {
    const graph = createViewGraph();
    mergeSubgraph(graph, triangle);
    mergeSubgraph(graph, { nodes: [{ ...node('b', 'Organization'), name: 'Bee Corp' }], edges: [] });
    expect(graph.getNodeAttribute('b', 'label')).toBe('Bee Corp');
    expect(graph.getNodeAttribute('b', 'color')).toBe(nodeTypeStyle('Organization').color);
  });

  it('marks a disputed relation in its label', () => {
    const graph = createViewGraph();
    mergeSubgraph(graph, triangle);
    mergeSubgraph(graph, { nodes: [], edges: [{ ...edge('e1', 'a', 'b'), attributes: { disputed: true } }] });
    expect(graph.getEdgeAttribute('e1', 'label')).toBe('met with (disputed)');
  });
});
