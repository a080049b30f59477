import Graph from 'graphology';
import type { GraphNode } from '../../../graph/model/api-types';
import {
  applyTimeFilter,
  laneDates,
  laneHistogram,
  median,
  reportLagDays,
  reportedDates,
} from '../../../client/timeline/time-lanes';

const event = (id: string, date: string | undefined, reported: string[] = []): GraphNode => ({
  id,
  type: 'Event',
  name: id,
  attributes: date ? { date } : {},
  reported,
});
const actor = (id: string, reported?: string[]): GraphNode => ({
  id,
  type: 'Person',
  name: id,
  attributes: {},
  reported,
});

function graphOf(nodes: GraphNode[], links: Array<[string, string]>) {
  const graph = new Graph<{ data: GraphNode }>({ multi: true });
  for (const node of nodes) graph.addNode(node.id, { data: node });
  for (const [a, b] of links) graph.addEdge(a, b);
  return graph;
}

describe('two timelines: when it happened and when it was reported', () => {
  it('reads an event’s date in the happened lane and its documents’ dates in the reported lane', () => {
    const summit = event('summit', '2023-09-13', ['2023-09-14', '2023-09-13']);
    expect(laneDates(summit, 'happened')).toEqual(['2023-09-13']);
    expect(laneDates(summit, 'reported')).toEqual(['2023-09-13', '2023-09-14']);
    expect(laneDates(actor('putin', ['2024']), 'happened')).toEqual([]);
    const doc: GraphNode = { id: 'd', type: 'Document', name: 'd', attributes: { published: '2024-06-19T08:00Z' } };
    expect(reportedDates(doc)).toEqual(['2024-06-19']);
  });

  it('gives the lag to the first report in days, on the precision both dates share', () => {
    expect(reportLagDays(event('e', '2023-09-13', ['2023-09-20', '2024-01-01']))).toBe(7);
    expect(reportLagDays(event('e', '2023-09', ['2023-10-20']))).toBe(30);
    expect(reportLagDays(event('e', '2024', ['2024-06-19']))).toBe(0);
    // announced before it happened
    expect(reportLagDays(event('e', '2024-06-19', ['2024-06-17']))).toBe(-2);
    expect(reportLagDays(event('e', undefined, ['2024-06-17']))).toBeNull();
    expect(reportLagDays(event('e', '2024', []))).toBeNull();
    expect(median([9, 1, 4])).toBe(4);
    expect(median([])).toBeNull();
  });

  it('bins both lanes on one axis, an event counted once per bin it was reported in', () => {
    const h = laneHistogram([
      event('a', '2021', ['2023-01', '2023-05']),
      event('b', '2023-02', ['2024']),
      event('undated', undefined, ['2024']),
    ]);
    expect(h.unit).toBe('year');
    expect(h.keys).toEqual(['2021', '2022', '2023', '2024']);
    expect(h.counts.happened).toEqual([1, 0, 1, 0]);
    expect(h.counts.reported).toEqual([0, 0, 1, 2]);
  });

  it('keeps events dated in the range and who took part in them; hides the rest and lists the undated apart', () => {
    const graph = graphOf(
      [
        event('e2023', '2023-09-13'),
        event('e2024', '2024-06-19'),
        event('undated', undefined),
        actor('kim'),
        actor('shoigu'),
        actor('alone'),
      ],
      [
        ['kim', 'e2023'],
        ['kim', 'e2024'],
        ['shoigu', 'e2024'],
        ['alone', 'undated'],
      ],
    );
    const result = applyTimeFilter(graph, { from: '2023', to: '2023' }, 'happened');
    expect(result.eventsKept).toEqual(['e2023']);
    expect(result.eventsOutside).toEqual(['e2024']);
    expect(result.undatedEvents).toEqual(['undated']);
    expect([...result.out].sort()).toEqual(['alone', 'e2024', 'shoigu', 'undated']);
  });

  it('in the reported lane, judges every node by its own reports and keeps one without any by its events', () => {
    const graph = graphOf(
      [
        event('late', '2019', ['2024-03']),
        event('early', '2024-02', ['2024-02-02']),
        event('unreported', '2024-03', []),
        actor('reported2023', ['2023-11']),
        actor('noReports'),
      ],
      [['noReports', 'late']],
    );
    const result = applyTimeFilter(graph, { from: '2024', to: '2024' }, 'reported');
    expect(result.eventsKept).toEqual(['early', 'late']);
    expect(result.undatedEvents).toEqual(['unreported']);
    expect([...result.out].sort()).toEqual(['reported2023', 'unreported']);
  });

  it('judges only the nodes the other filters leave, and keeps no one by an event they hide', () => {
    const graph = graphOf([event('e', '2023'), actor('kim')], [['kim', 'e']]);
    const result = applyTimeFilter(graph, { from: '2023', to: '2023' }, 'happened', (id) => id !== 'e');
    expect(result.eventsKept).toEqual([]);
    expect([...result.out]).toEqual(['kim']);
  });
});
