import { eventName, findEvents } from '../../../import/relate/events';
import { stagesOf } from '../helpers';

function events(text: string, published?: string) {
  const s = stagesOf(text, published);
  const found = findEvents(s);
  const name = (key?: string): string | undefined => (key ? s.resolved.entities.get(key)?.name : undefined);
  return found.map((e) => ({
    name: eventName(e, s.resolved),
    kind: e.kind,
    date: e.date,
    surfaces: e.surfaces,
    participants: [
      ...new Set([...e.participants.keys(), e.visitor?.key, e.attacker?.key].map(name).filter(Boolean)),
    ].sort(),
    place: name(e.place?.key) ?? name(e.destination?.key),
  }));
}

describe('events', () => {
  it('introduces an event by the definite reference a document keeps coming back to, and only then', () => {
    const topic = events(
      'Officials inspected the wreckage of the plane crash near Tver. The crash killed ten people. Investigators said the crash had several causes.',
    );
    expect(topic.map((e) => e.kind)).toEqual(['accident']);
    expect(events('Investigators said the crash had several causes.')).toEqual([]);
  });

  it('finds a visit with its visitor, destination and a relative date resolved against the document date', () => {
    const [visit] = events(
      'Sergei Shoigu spoke in Moscow. Shoigu’s high-profile visit to Pyongyang last month ended.',
      '2023-08-15',
    );
    expect(visit).toMatchObject({
      kind: 'visit',
      date: '2023-07',
      name: 'Sergei Shoigu’s visit to North Korea',
      participants: ['Sergei Shoigu'],
    });
    expect(visit.surfaces).toContain('Shoigu’s high-profile visit to Pyongyang');
  });

  it('places a meeting in the town a descriptor names and dates "Monday\'s summit" like the meeting', () => {
    const found = events(
      "Monday's summit in Baku showed the gap. When Vladimir Putin and Recep Tayyip Erdogan met in the Caspian Sea port city of Baku on Monday, nothing changed.",
      '2023-09-08',
    );
    const summit = found.find((e) => e.place === 'Baku' && e.participants.includes('Vladimir Putin'));
    expect(summit).toMatchObject({ date: '2023-09-04' });
    expect(found.filter((e) => e.kind === 'summit' || e.kind === 'meeting')).toHaveLength(1);
  });

  it('keeps an abbreviated month inside an event phrase ("the Oct. 1 attack")', () => {
    const found = events('Israel has vowed to respond to the Oct. 1 attack by Iran.', '2024-10-20');
    expect(found.find((e) => e.date === '2024-10-01')?.surfaces).toContain('Oct. 1 attack');
  });

  it('leaves a relative date partial when the document date is unknown', () => {
    const [visit] = events('Ethiopian Prime Minister Abiy Ahmed visited Nairobi last month.');
    expect(visit.kind).toBe('visit');
    expect(visit.date).toBeUndefined();
  });

  it('merges a summit and the visit of one of its participants', () => {
    const found = events(
      'A rare summit between North Korean leader Kim Jong-un and Russian President Vladimir Putin took place. Kim Jong-un’s visit to Moscow this month worried Seoul.',
    );
    expect(found).toHaveLength(1);
    expect(found[0].participants).toEqual(['Kim Jong-un', 'Vladimir Putin']);
  });

  it('treats invasions and wars of the same country as one conflict, whatever the wording', () => {
    const found = events(
      'Russia’s invasion of Ukraine continued. The war in Ukraine is long. The Ukraine war is costly. Since the war began, prices rose.',
    );
    expect(found).toHaveLength(1);
    expect(found[0].name).toBe('War in Ukraine');
    expect(found[0].participants).toEqual(['Russia']);
  });

  it('joins a definite reference to the event introduced before', () => {
    const found = events(
      'Kang spoke at the Moscow Conference on International Security on Tuesday. Earlier at the conference, Sergei Shoigu spoke.',
    );
    expect(found).toHaveLength(1);
    expect(found[0].name).toBe('Moscow Conference on International Security');
    expect(found[0].participants).toContain('Sergei Shoigu');
  });

  it('creates no event from a bare, unanchored event noun', () => {
    expect(events('He gave a speech. Talks may resume. An attack is possible.')).toEqual([]);
  });

  it('finds a dated clause with its subject, place and participants', () => {
    const [talks] = events(
      'Russian President Vladimir Putin holds talks with North Korean leader Kim Jong Un on Russky Island, Vladivostok, Apr. 25, 2019.',
    );
    expect(talks).toMatchObject({
      kind: 'talks',
      date: '2019-04-25',
      place: 'Russky Island',
      participants: ['Kim Jong Un', 'Vladimir Putin'],
    });
  });
});
