import { stagesOf } from './helpers';

describe('resolve', () => {
  it('resolves a surname or "Mr." form to the full name introduced earlier', () => {
    const s = stagesOf(
      'Defense minister Kang Sun Nam spoke. Kang said more. Jenny Town disagreed, and Ms. Town explained why.',
    );
    expect(s.names('Person')).toEqual(['Jenny Town', 'Kang Sun Nam']);
    const kang = s.resolved.mentions.filter((m) => m.key === s.keyOf('Kang Sun Nam'));
    expect(kang.map((m) => m.text)).toEqual(['Kang Sun Nam', 'Kang']);
    expect(s.keyOf('Town')).toBe(s.keyOf('Jenny Town'));
  });

  it('never merges two people who share a family name', () => {
    const s = stagesOf(
      'Kim Yo Jong, the sister of leader Kim Jong Un, spoke. Kim Yo Jong said it again. Kim said the U.S. was to blame.',
    );
    expect(s.names('Person')).toEqual(['Kim Jong Un', 'Kim Yo Jong']);
    expect(s.keyOf('Kim')).toBe(s.keyOf('Kim Yo Jong'));
  });

  it('drops a capitalised word that names no one', () => {
    const s = stagesOf('Juche is an ideology. Abrams tanks were sent.');
    expect(s.names('Person')).toEqual([]);
  });

  it('reads "the North" as the northern state the document talks about', () => {
    const s = stagesOf('North Korea fired a missile. The North’s Foreign Ministry defended it.');
    expect(s.names('State')).toEqual(['North Korea']);
    expect(s.names('Organization')).toEqual(['Ministry of Foreign Affairs of North Korea']);
  });
});
