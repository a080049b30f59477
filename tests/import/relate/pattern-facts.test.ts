import { relateActors } from '../../../import/relate/pattern-facts';
import { stagesOf } from '../helpers';

function facts(text: string): string[] {
  const s = stagesOf(text);
  const name = (k: string): string => s.resolved.entities.get(k)!.name;
  return relateActors(s).map((f) => `${name(f.source)} ${f.type} ${name(f.target)}`);
}

describe('relations', () => {
  it('links the actor before a trigger to the actor after it', () => {
    expect(facts('Kim Yo Jong blamed the United States for the war.')).toContain('Kim Yo Jong OPPOSES United States');
    expect(facts('Kenya has backed Ethiopia in the dispute.')).toContain('Kenya SUPPORTS Ethiopia');
  });

  it('finds suppliers and recipients, including "supplies from"', () => {
    expect(facts('The U.S. accused the DPRK of providing weapons to Russia.')).toEqual(
      expect.arrayContaining(['United States OPPOSES North Korea', 'North Korea SUPPLIES Russia']),
    );
    expect(facts('Moscow wants more ammunition supplies from the North Korea.')).toContain(
      'North Korea SUPPLIES Russia',
    );
    expect(facts('A North Korean Embassy official delivered the speech on Kang Sun Nam’s behalf.')).toEqual([]);
  });

  it('reads cooperation between two actors, in hyphenated compounds and lists', () => {
    expect(facts('Military cooperation between Pyongyang and Moscow grew.')).toContain(
      'North Korea COOPERATES_WITH Russia',
    );
    expect(facts('South Korea-U.S.-Japan trilateral cooperation will be enhanced.')).toEqual(
      expect.arrayContaining([
        'South Korea COOPERATES_WITH United States',
        'South Korea COOPERATES_WITH Japan',
        'United States COOPERATES_WITH Japan',
      ]),
    );
    expect(facts('It will scare off Russia’s moderate partners, such as India and Brazil.')).toEqual([
      'Russia COOPERATES_WITH India',
      'Russia COOPERATES_WITH Brazil',
    ]);
  });

  it('makes "supporting each other" mutual', () => {
    expect(facts('North Korea and Russia have been supporting each other.')).toEqual([
      'North Korea SUPPORTS Russia',
      'Russia SUPPORTS North Korea',
    ]);
  });

  it('chains "A stands with B to demonize C" to A', () => {
    expect(
      facts('One of the North Korea’s aims in standing alongside Russia is to demonize the United States.'),
    ).toEqual(expect.arrayContaining(['North Korea SUPPORTS Russia', 'North Korea OPPOSES United States']));
  });

  it('reads criticism reported by a speaker', () => {
    expect(facts('Blinken Antony says North Korea-Russia military cooperation threatens global peace.')).toEqual(
      expect.arrayContaining(['Blinken Antony OPPOSES North Korea', 'Blinken Antony OPPOSES Russia']),
    );
  });

  it('finds affiliations from titles and appositions, with the role', () => {
    const s = stagesOf(
      'John Kirby, the National Security Council Coordinator at the White House, spoke. Russian President Vladimir Putin listened.',
    );
    const found = relateActors(s).map(
      (f) =>
        `${s.resolved.entities.get(f.source)!.name} ${f.type} ${s.resolved.entities.get(f.target)!.name} (${f.attributes?.role})`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'John Kirby AFFILIATED_WITH National Security Council (National Security Council Coordinator at the White House)',
        'John Kirby AFFILIATED_WITH White House (National Security Council Coordinator at the White House)',
        'Vladimir Putin AFFILIATED_WITH Russia (Russian President)',
      ]),
    );
  });

  it('affiliates a person named "of" a body, and one whose title before the state ends in "of"', () => {
    expect(facts('Vice President Lai Ching-te of the Democratic Progressive Party won the vote.')).toContain(
      'Lai Ching-te AFFILIATED_WITH Democratic Progressive Party',
    );
    expect(facts('On Monday the Minister of Foreign Affairs of the DPRK Choe Son Hui arrived.')).toContain(
      'Choe Son Hui AFFILIATED_WITH North Korea',
    );
  });

  it('places a dateline city in its state', () => {
    expect(facts('SEOUL, South Korea — The talks ended.')).toContain('Seoul LOCATED_IN South Korea');
  });
});
