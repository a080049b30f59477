import { computeMetrics, renumberBySize } from '../../../client/metrics/compute-metrics';
import { appearanceLegend, metricSizes } from '../../../client/appearance/appearance-state';
import { MAX_NODE_SIZE, MIN_NODE_SIZE } from '../../../client/appearance/node-style';

// Two triangles joined by one bridge c–d.
const nodes = ['a', 'b', 'c', 'd', 'e', 'f'];
const edges: Array<[string, string]> = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'a'],
  ['c', 'd'],
  ['d', 'e'],
  ['e', 'f'],
  ['f', 'd'],
  ['a', 'b'], // a parallel relation counts once
];

describe('the metrics of the graph in view', () => {
  const result = computeMetrics({ nodes, edges });

  it('counts each pair of neighbours once for the degree', () => {
    expect(result.values.degree).toEqual({ a: 2, b: 2, c: 3, d: 3, e: 2, f: 2 });
  });

  it('puts the bridge ends highest in betweenness and PageRank', () => {
    const top = (values: Record<string, number>) =>
      Object.entries(values)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 2)
        .map(([id]) => id)
        .sort();
    expect(top(result.values.betweenness)).toEqual(['c', 'd']);
    expect(top(result.values.pagerank)).toEqual(['c', 'd']);
  });

  it('finds the two triangles as two communities, the same on every run', () => {
    expect(result.communityCount).toBe(2);
    expect(result.communities.a).toBe(result.communities.c);
    expect(result.communities.a).not.toBe(result.communities.d);
    expect(computeMetrics({ nodes, edges }).communities).toEqual(result.communities);
  });

  it('answers for one node without relations instead of failing', () => {
    const one = computeMetrics({ nodes: ['a'], edges: [] });
    expect(one.values.pagerank.a).toBe(1);
    expect(one.communityCount).toBe(1);
  });

  it('numbers communities by size, largest first', () => {
    expect(renumberBySize({ x: 7, y: 3, z: 3 })).toEqual({ x: 1, y: 0, z: 0 });
  });

  it('sizes by the square root of the share of the largest value, and lists the communities for the legend', () => {
    const sizes = metricSizes({ a: 0, b: 1, c: 4 });
    expect(sizes.get('a')).toBe(MIN_NODE_SIZE);
    expect(sizes.get('c')).toBe(MAX_NODE_SIZE);
    expect(sizes.get('b')).toBeCloseTo(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 2);
    const legend = appearanceLegend({ sizeBy: 'betweenness', colourBy: 'community' }, result);
    expect(legend.communities.map((c) => c.count)).toEqual([3, 3]);
    expect(legend.size?.min).toBe(0);
  });
});
