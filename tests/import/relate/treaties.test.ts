import { findTreaties } from '../../../import/relate/treaties';
import { stagesOf } from '../helpers';

function treaties(text: string) {
  const s = stagesOf(text);
  return findTreaties(s).map((t) => ({
    name: t.name,
    year: t.year,
    clause: t.clause,
    surfaces: t.surfaces,
    parties: [...t.parties.keys()].map((k) => s.resolved.entities.get(k)!.name).sort(),
    supersedes: t.supersedes?.key,
    key: t.key,
  }));
}

describe('treaties', () => {
  it('names a dated agreement by what the phrase says of it, but not a bare dated deal', () => {
    const found = treaties('Seoul suspended a key clause of the 2018 inter-Korean military agreement on Wednesday.');
    expect(found.map((t) => [t.name, t.year])).toEqual([['Inter-Korean military agreement (2018)', '2018']]);
    expect(treaties('Nobody defended the 2019 deal on Wednesday.')).toEqual([]);
  });

  it('takes the parties of a generic treaty from the states named before the noun, and keeps two such treaties apart', () => {
    const found = treaties(
      'Kim Il Sung and Nikita Khrushchev signed the Soviet-North Korean treaty in Moscow. Days later Kim and Zhou Enlai signed the Chinese-North Korean treaty in Beijing.',
    );
    expect(found.map((t) => t.parties)).toEqual([
      ['North Korea', 'Soviet Union'],
      ['China', 'North Korea'],
    ]);
    expect(new Set(found.map((t) => t.key)).size).toBe(2);
  });

  it('reads year, parties and clause from a treaty name and its sentence', () => {
    const [t] = treaties(
      'Article 1 of the 1961 DPRK-Soviet Union Treaty of Friendship, Cooperation and Mutual Assistance contained an automatic intervention clause.',
    );
    expect(t).toMatchObject({
      name: 'DPRK-Soviet Union Treaty of Friendship, Cooperation and Mutual Assistance',
      year: '1961',
      parties: ['North Korea', 'Soviet Union'],
      clause: 'Article 1: automatic intervention clause',
    });
    expect(t.surfaces).toContain('Treaty of Friendship, Cooperation and Mutual Assistance');
  });

  it('records that one treaty replaced another, and resolves "the 1961 treaty"', () => {
    const found = treaties(
      'The 1961 Treaty of Alliance bound both sides. The 2000 Treaty of Friendship replaced that provision. Some want a clause similar to the 1961 treaty.',
    );
    expect(found).toHaveLength(2);
    const [old, young] = found;
    expect(young.supersedes).toBe(old.key);
    expect(old.surfaces).toContain('the 1961 treaty');
  });

  it('creates a treaty from a generic noun only when its parties are stated', () => {
    const found = treaties(
      'An arms deal was rumoured. The mutual defense treaty between South Korea and the United States is 70 years old.',
    );
    expect(found.map((t) => t.parties)).toEqual([['South Korea', 'United States']]);
  });

  it('finds parties that sign or vote for a treaty', () => {
    const [nile] = treaties(
      'Shoukry said the dam violates the 2015 Declaration of Principles, which Egypt, Ethiopia and Sudan signed in Khartoum.',
    );
    expect(nile.parties).toEqual(['Egypt', 'Ethiopia', 'Sudan']);
    const [res] = treaties(
      'It breaches multiple U.N. Security Council (UNSC) resolutions that Moscow itself voted for.',
    );
    expect(res.name).toBe('United Nations Security Council resolutions');
    expect(res.parties).toEqual(['Russia', 'United Nations Security Council']);
    expect(res.surfaces).toContain('UNSC resolutions');
  });

  it('finds the parties of an unnamed agreement they sign', () => {
    const [t] = treaties(
      'The agreement (or a treaty) North Korea and Russia sign during the visit will matter. A new accord is likely.',
    );
    expect(t.parties).toEqual(['North Korea', 'Russia']);
    expect(t.surfaces).toEqual(expect.arrayContaining(['The agreement (or a treaty)', 'A new accord']));
  });

  it('takes every state of a list of signatories as a party', () => {
    const [t] = treaties(
      'NIAMEY, Niger — The military leaders of Mali, Burkina Faso and Niger signed a treaty on Saturday.',
    );
    expect(t.name).toBe('Treaty between Mali, Burkina Faso and Niger');
    expect(t.parties).toEqual(['Burkina Faso', 'Mali', 'Niger']);
  });
});
