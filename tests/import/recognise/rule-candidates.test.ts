import { recognise } from '../../../import/recognise/rule-candidates';
import { segment } from '../../../import/segment';
import { stagesOf } from '../helpers';

function candidates(text: string) {
  const sentences = segment(text, [[0, text.length]]);
  return recognise(text, sentences).candidates;
}

describe('recognise', () => {
  it('finds states by name, alternative name and demonym, from the countries package', () => {
    const found = candidates(
      'The DPRK and the Democratic People’s Republic of Korea met Argentine and Kenyan envoys in N. Korea.',
    );
    const states = found.filter((c) => c.type === 'State');
    expect(new Set(states.map((c) => c.name))).toEqual(new Set(['North Korea', 'Argentina', 'Kenya']));
    expect(states.find((c) => c.text === 'Argentine')?.actor).toBe(false);
  });

  it('treats a capital used as an actor as its state and used as a location as a place', () => {
    const s = stagesOf('Pyongyang said it would answer. A parade was held in Pyongyang on Monday.');
    const types = s.resolved.mentions.filter((m) => m.text === 'Pyongyang').map((m) => m.type);
    expect(types).toEqual(['State', 'Place']);
  });

  it('reads a seat of government as its state', () => {
    const s = stagesOf('The Kremlin denied the report.');
    expect(s.resolved.entities.get(s.keyOf('The Kremlin') ?? s.keyOf('the Kremlin')!)?.name).toBe('Russia');
  });

  it('recognises organisations by their head words and historical states from data', () => {
    const s = stagesOf(
      'Analysts at the Carnegie Endowment Foundation and Seoul National University compared the Soviet Union with Yugoslavia.',
    );
    expect(s.names('Organization')).toEqual(['Carnegie Endowment Foundation', 'Seoul National University']);
    expect(s.names('State')).toEqual(expect.arrayContaining(['Soviet Union', 'Yugoslavia']));
  });

  it('joins an acronym defined in parentheses to its long form', () => {
    const s = stagesOf('The Islamic Development Consortium (IDC) met on Monday. Later the IDC issued a plan.');
    const keys = new Set(s.resolved.mentions.filter((m) => /Consortium|IDC/.test(m.text)).map((m) => m.key));
    expect(keys.size).toBe(1);
  });

  it('builds state institutions from a state and a kind, named after the well-known one when there is one', () => {
    const s = stagesOf(
      'An annual forum held by the Russian defense ministry. Officials of the North Korean and Russian militaries met. Kenyan troops arrived.',
    );
    expect(s.names('Organization')).toEqual([
      'Armed Forces of Kenya',
      'Armed Forces of the Russian Federation',
      "Korean People's Army",
      'Ministry of Defence of Russia',
    ]);
  });

  it('does not take a state adjective before "military support" for the military', () => {
    const s = stagesOf('Calling U.S. military support of Israel indefensible, she left.');
    expect(s.names('Organization')).toEqual([]);
  });

  it('recognises people after titles and keeps titles out of their names', () => {
    const s = stagesOf('Russian President Vladimir Putin met Kenyan Foreign Minister Musalia Mudavadi and Joe Biden.');
    expect(s.names('Person')).toEqual(['Joe Biden', 'Musalia Mudavadi', 'Vladimir Putin']);
  });

  it('keeps name prefixes with a second capital and multi-word titles out of the way', () => {
    const s = stagesOf('Tsai met U.S. House Speaker Kevin McCarthy in California. Ron DeSantis spoke.');
    expect(s.names('Person')).toEqual(expect.arrayContaining(['Kevin McCarthy', 'Ron DeSantis']));
  });

  it('joins a one-word name to an acronym made of letters inside it', () => {
    const text = 'Hou Yu-ih of the Kuomintang (KMT) came second. The KMT now leads the legislature.';
    expect(recognise(text, segment(text, [[0, text.length]])).acronyms.get('KMT')).toBe('Kuomintang');
  });

  it('does not take headline words or sentence-initial words for names', () => {
    const s = stagesOf('Why Is North Korea Supporting Russia on Ukraine?\nEarlier Today the talks ended.');
    expect(s.names('Person')).toEqual([]);
  });

  it('recognises a name introduced by what it is', () => {
    const s = stagesOf('She directs the center’s open-source intelligence platform, 38 North, in Washington.');
    expect(s.names('Organization')).toEqual(['38 North']);
  });

  it('joins acronyms whose letters include a connector or follow another language', () => {
    const s = stagesOf(
      'Leaders left the Economic Community of West African States (ECOWAS) and formed the Alliance of Sahel States (AES). ECOWAS objected.',
    );
    expect(s.names('Organization')).toEqual(['Alliance of Sahel States', 'Economic Community of West African States']);
    expect(s.keyOf('ECOWAS')).toBe(s.keyOf('Economic Community of West African States'));
  });

  it('does not take a state’s official name for an organisation', () => {
    const s = stagesOf('They Enthusiastically Welcome Russian Federation President Comrade Vladimir Putin.');
    expect(s.names('Organization')).toEqual([]);
    expect(s.names('Person')).toEqual(['Vladimir Putin']);
  });
});
