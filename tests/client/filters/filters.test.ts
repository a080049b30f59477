import {
  EMPTY_FILTERS,
  dateHistogram,
  dateInRange,
  edgePassesFilters,
  eventDate,
  isFiltering,
  nodePassesFilters,
  setDateRange,
  toggleNodeType,
  toggleRelationType,
} from '../../../client/filters/filters';

const event = (date: unknown) => ({ id: 'event:x', type: 'Event', name: 'X', attributes: { date } as never });
const person = { id: 'person:a', type: 'Person', name: 'A', attributes: {} };
const noContext = { documentEntities: null };

describe('filters', () => {
  it('toggles a node type off and on again without touching the input state', () => {
    const off = toggleNodeType('Place')(EMPTY_FILTERS);
    expect(off.hiddenNodeTypes).toEqual(['Place']);
    expect(EMPTY_FILTERS.hiddenNodeTypes).toEqual([]);
    expect(toggleNodeType('Place')(off).hiddenNodeTypes).toEqual([]);
    expect(isFiltering(off)).toBe(true);
  });

  it('hides nodes of a hidden type and edges of a hidden relation type', () => {
    const filters = toggleRelationType('CO_OCCURS')(toggleNodeType('Person')(EMPTY_FILTERS));
    expect(nodePassesFilters(person, filters, noContext)).toBe(false);
    expect(edgePassesFilters({ id: 'e', type: 'CO_OCCURS', source: 'a', target: 'b', attributes: {} }, filters)).toBe(
      false,
    );
    expect(edgePassesFilters({ id: 'e', type: 'MET_WITH', source: 'a', target: 'b', attributes: {} }, filters)).toBe(
      true,
    );
  });

  it('keeps only entities mentioned in the chosen documents', () => {
    const filters = { ...EMPTY_FILTERS, documents: ['doc-1'] };
    expect(nodePassesFilters(person, filters, { documentEntities: new Set(['person:a']) })).toBe(true);
    expect(nodePassesFilters(person, filters, { documentEntities: new Set(['person:b']) })).toBe(false);
  });

  it('reads event dates written as ISO dates, partial dates or years', () => {
    expect(eventDate(event('2023-07-27'))).toBe('2023-07-27');
    expect(eventDate(event('2022-02'))).toBe('2022-02');
    expect(eventDate(event(2014))).toBe('2014');
    expect(eventDate(event('sometime'))).toBeNull();
    expect(eventDate(person)).toBeNull();
  });

  it('compares partial dates with a range on their common precision', () => {
    expect(dateInRange('2023', { from: '2023-05', to: '2023-08' })).toBe(true);
    expect(dateInRange('2023-07-27', { from: '2023', to: '2023' })).toBe(true);
    expect(dateInRange('2022-12-31', { from: '2023', to: '2024' })).toBe(false);
  });

  it('leaves the date range to the timeline, which also reads links: a node passes on type and documents alone', () => {
    const filters = setDateRange({ from: '2020', to: '2021' })(EMPTY_FILTERS);
    expect(nodePassesFilters(event('2023-01-01'), filters, noContext)).toBe(true);
    expect(filters.dateLane).toBe('happened');
    expect(setDateRange({ from: '2020', to: '2020' }, 'reported')(filters).dateLane).toBe('reported');
  });

  it('swaps a date range given backwards', () => {
    expect(setDateRange({ from: '2024', to: '2020' })(EMPTY_FILTERS).dateRange).toEqual({ from: '2020', to: '2024' });
  });

  it('bins dates per year with empty years kept, and per month over a short span', () => {
    const yearly = dateHistogram(['2014-03-01', '2018', '2018-05', '2016']);
    expect(yearly.unit).toBe('year');
    expect(yearly.bins.map((b) => b.key)).toEqual(['2014', '2015', '2016', '2017', '2018']);
    expect(yearly.bins.map((b) => b.count)).toEqual([1, 0, 1, 0, 2]);
    const monthly = dateHistogram(['2023-07-27', '2023-09-01', '2023-09-15']);
    expect(monthly.unit).toBe('month');
    expect(monthly.bins).toEqual([
      { key: '2023-07', count: 1 },
      { key: '2023-08', count: 0 },
      { key: '2023-09', count: 2 },
    ]);
    expect(dateHistogram([]).bins).toEqual([]);
  });
});
