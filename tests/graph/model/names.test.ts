import { foldForReading, foldForSearch, sameName } from '../../../graph/model/names';

describe('names', () => {
  it('reads names alike whatever their case, accents and spacing, as analysts do', () => {
    expect(sameName('Kim  Jŏng-un', 'kim jong-un')).toBe(true);
    expect(sameName(' Pyongyang ', 'PYONGYANG')).toBe(true);
    expect(foldForReading('Jŏng-Ün')).toBe('jong-un');
  });

  it('keeps punctuation when reading names, so an abbreviation is not its word', () => {
    expect(sameName('U.S.', 'US')).toBe(false);
  });

  it('folds a search for the exact match Neo4j computes: case, dots and spacing, not accents', () => {
    expect(foldForSearch('U.S.')).toBe('us');
    expect(foldForSearch('  Kim   Jong-Un ')).toBe('kim jong-un');
    expect(foldForSearch('Jŏng')).toBe('jŏng');
  });
});
