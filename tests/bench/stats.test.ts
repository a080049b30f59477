import { csvSafeJson } from '../../bench/import/csv-rows';
import { verdict } from '../../bench/lib/report';
import { median, percentile, ratio } from '../../bench/lib/stats';

describe('benchmark statistics', () => {
  it('takes the median of odd and even samples without reordering them', () => {
    const samples = [5, 1, 3];
    expect(median(samples)).toBe(3);
    expect(samples).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('reads percentiles by nearest rank', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(latencies, 50)).toBe(50);
    expect(percentile(latencies, 95)).toBe(95);
    expect(percentile(latencies, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('gives no ratio against nothing', () => {
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(3, 2)).toBe(1.5);
  });

  it('says whether a target is met, and n/a when the figure is missing', () => {
    expect(verdict(0.95, 0.9, 'atLeast')).toBe('met');
    expect(verdict(0.5, 0.9, 'atLeast')).toBe('MISSED');
    expect(verdict(25, 20, 'atMost')).toBe('MISSED');
    expect(verdict(Number.NaN, 20, 'atMost')).toBe('n/a');
  });
});

describe('JSON for LOAD CSV', () => {
  it('keeps the value but never writes a backslash before a quote', () => {
    const value = { text: 'He said "no" \\ and "\\"', n: 1 };
    const json = csvSafeJson(JSON.stringify(value));
    expect(JSON.parse(json)).toEqual(value);
    expect(json).not.toMatch(/\\"/);
  });
});
