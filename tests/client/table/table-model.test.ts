import type { GraphNode } from '../../../graph/model/api-types';
import {
  cellMatches,
  filterRows,
  nodeColumns,
  nodeRow,
  relationRow,
  scrollToRow,
  sortRows,
  tableCsv,
  visibleWindow,
  type Row,
} from '../../../client/table/table-model';

const row = (id: string, cells: Row['cells']): Row => ({ id, cells });
const summit: GraphNode = {
  id: 'event:summit',
  type: 'Event',
  name: 'Vostochny summit',
  attributes: { date: '2023-09-13' },
  sources: 2,
  reported: ['2023-09-20', '2024-06-20'],
};

describe('the data table', () => {
  it('gives a node its degree in view, sources, dates and lag; metrics columns only once computed', () => {
    expect(nodeRow(summit, 3, null).cells).toEqual({
      name: 'Vostochny summit',
      type: 'Event',
      degree: 3,
      sources: 2,
      happened: '2023-09-13',
      reported: '2023-09-20',
      lag: 7,
    });
    expect(nodeColumns(null).map((c) => c.key)).toEqual([
      'name',
      'type',
      'degree',
      'sources',
      'happened',
      'reported',
      'lag',
    ]);
    const metrics = {
      values: { degree: {}, pagerank: { [summit.id]: 0.25 }, betweenness: {} },
      communities: { [summit.id]: 2 },
      communityCount: 3,
    };
    expect(nodeColumns(metrics).map((c) => c.key)).toContain('pagerank');
    expect(nodeRow(summit, 3, metrics).cells).toMatchObject({ pagerank: 0.25, betweenness: null, community: 2 });
  });

  it('names a relation by its type in words and its ends by their names', () => {
    const edge = {
      id: 'r',
      type: 'MET_WITH',
      source: 'a',
      target: 'b',
      evidenceCount: 4,
      attributes: { date: '2024' },
    };
    expect(relationRow(edge, 'Kim Jong Un', 'Vladimir Putin').cells).toMatchObject({
      source: 'Kim Jong Un',
      target: 'Vladimir Putin',
      sources: 4,
      date: '2024',
    });
  });

  it('sorts numbers as numbers and names naturally, either way, with empty cells last', () => {
    const rows = [row('a', { n: 10, s: 'item 10' }), row('b', { n: 9, s: 'Item 9' }), row('c', { n: null, s: null })];
    expect(sortRows(rows, { key: 'n', descending: false }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRows(rows, { key: 'n', descending: true }).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(sortRows(rows, { key: 's', descending: false }).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('filters text by what it contains, numbers and dates by comparison, range or start', () => {
    expect(cellMatches('Kim Jong Un', 'jong', 'text')).toBe(true);
    expect(cellMatches('Pétain', 'petain', 'text')).toBe(true);
    expect(cellMatches(5, '>3', 'number')).toBe(true);
    expect(cellMatches(3, '>3', 'number')).toBe(false);
    expect(cellMatches(0.5, '<=0.5', 'number')).toBe(true);
    expect(cellMatches(4, '2..5', 'number')).toBe(true);
    expect(cellMatches(4, '4', 'number')).toBe(true);
    expect(cellMatches(14, '4', 'number')).toBe(false);
    expect(cellMatches('2024-06-19', '2024', 'date')).toBe(true);
    expect(cellMatches('2023-09-13', '>=2024', 'date')).toBe(false);
    expect(cellMatches('2023-09-13', '2023-06..2023-12', 'date')).toBe(true);
    expect(cellMatches(null, '-', 'date')).toBe(true);
    expect(cellMatches(null, '2024', 'date')).toBe(false);
    const columns = nodeColumns(null);
    const rows = [nodeRow(summit, 3, null), nodeRow({ ...summit, id: 'x', name: 'Other', type: 'Person' }, 1, null)];
    expect(filterRows(rows, columns, { type: 'event', degree: '>2' }).map((r) => r.id)).toEqual([summit.id]);
  });

  it('draws only the rows in sight and a few around them, and scrolls just enough to show a row', () => {
    expect(visibleWindow(0, 280, 28, 5000)).toEqual({ start: 0, end: 19 });
    expect(visibleWindow(28 * 1000, 280, 28, 5000)).toEqual({ start: 992, end: 1019 });
    expect(visibleWindow(28 * 4999, 280, 28, 5000).end).toBe(5000);
    expect(scrollToRow(50, 0, 280, 28)).toBe(50 * 28 + 28 - 280);
    expect(scrollToRow(2, 0, 280, 28)).toBeNull();
    expect(scrollToRow(2, 280, 280, 28)).toBe(56);
  });

  it('writes the CSV of the rows shown, quoting what needs it and defusing formulas', () => {
    const columns = [
      { key: 'name', label: 'Name', kind: 'text' as const },
      { key: 'n', label: 'PageRank', kind: 'number' as const },
    ];
    const csv = tableCsv(columns, [
      row('a', { name: 'Kim, "the leader"', n: 0.123456 }),
      row('b', { name: '=1+1', n: null }),
    ]);
    expect(csv).toBe('Name,PageRank\r\n"Kim, ""the leader""",0.1235\r\n\'=1+1,\r\n');
  });
});
