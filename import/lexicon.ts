/**
 * The lexicons of `lexicons/*.json`, compiled once into the sets and patterns the stages use.
 */
import titles from './lexicons/titles.json';
import organizations from './lexicons/organizations.json';
import places from './lexicons/places.json';
import events from './lexicons/events.json';
import treaties from './lexicons/treaties.json';
import relations from './lexicons/relations.json';

const lower = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));

export const HONORIFICS = lower(titles.honorifics.map((h) => h.replace(/\.$/, '')));
/** Role titles by number of words, longest first, lower-cased. */
export const ROLES: string[][] = [...lower(titles.roles)]
  .map((r) => r.split(/\s+/))
  .sort((a, b) => b.length - a.length);
/** How many of the last words form the longest known title ("Secretary of State" -> 3), or 0. */
export function roleAtEnd(words: readonly string[]): number {
  const tail = words.map((w) => w.toLowerCase());
  const role = ROLES.find((r) => r.length <= tail.length && r.every((w, i) => tail[tail.length - r.length + i] === w));
  return role?.length ?? 0;
}
export const ROLE_NOUNS = lower(relations.affiliation.roleNouns);
/** Role nouns and the last word of every title: "expert", "minister", "president", "secretary". */
export const ROLE_WORDS: ReadonlySet<string> = new Set([...ROLE_NOUNS, ...ROLES.map((r) => r[r.length - 1])]);

export const ORG_HEADS = lower(organizations.headWords.filter((h) => !h.includes(' ')));
export const ORG_MULTI_HEADS = organizations.headWords.filter((h) => h.includes(' ')).map((h) => h.toLowerCase());
export const ORG_LEADING = organizations.leadingHeadWords.map((h) => h.toLowerCase());
export const ORG_DESCRIPTORS = lower(organizations.descriptorNouns);
export const STATE_INSTITUTIONS = organizations.stateInstitutions
  .filter((i) => !('skip' in i && i.skip))
  .map((i) => ({
    ...i,
    re: new RegExp(`^(?:${i.pattern})\\b`, 'i'),
    extraAliases: ('extraAliases' in i ? i.extraAliases : []) as string[],
  }));

export const PLACE_SUFFIX_HEADS = lower(places.suffixHeads);
export const PLACE_PREFIX_HEADS = places.prefixHeads.map((h) => h.toLowerCase());
export const LOCATIVE_PREPOSITIONS = lower(places.locativePrepositions);
export const DIRECTIONAL_PREPOSITIONS = lower(places.directionalPrepositions);
export const GOVERNING_PEOPLE = lower(places.governingPeople);

export const EVENT_NOUNS = new Map(Object.entries(events.nouns).map(([k, v]) => [k.toLowerCase(), v]));
export const EVENT_STRONG = new Set(events.strong);
export const EVENT_NEEDS_ANCHOR = new Set(events.needsAnchor);
export const MEETING_KINDS = new Set(events.meetingKinds);
export const CONFLICT_KINDS = new Set(events.conflictKinds);
export const SINGULAR_KINDS = new Set(events.singularKinds);
export const EVENT_NAMED_HEADS = lower(events.namedHeads);
export const EVENT_NAMED_EXCLUDE = lower(events.namedExclude);
export const EVENT_VERBS = new Map(Object.entries(events.verbs).map(([k, v]) => [k.toLowerCase(), v]));
export const FUTURE_DATE_PHRASES = events.futureDatePhrases;

export const TREATY_HEADS = lower(treaties.heads);
export const TREATY_GENERIC = lower(treaties.genericNouns);
export const RESOLUTION_NOUNS = lower(treaties.resolutionNouns);
export const SUPERSEDE_VERBS = treaties.supersedeVerbs;
export const PARTY_VERBS = treaties.partyVerbs;

export const DIRECTED_TRIGGERS = relations.directed as Record<string, string[]>;
export const MUTUAL_TRIGGERS = relations.mutual as Record<string, string[]>;

/** Capitalised words that begin sentences and are not names. */
export const CAPITALISED_STOPWORDS = new Set(
  (
    'the a an in on at for but and or nor however as if when while this that these those it its he she they we i you our his her their why how what who whom which where ' +
    'earlier later meanwhile following calling accusing noting pointing though although neither much many another one some both also ostensibly with without after before since ' +
    'until from by to of beyond translated hostile countries moves damage extended could should would will can may might must stay try get contact searchable unlimited recent quick ' +
    'take there here then thus so yet still even just only not no yes all any each every other such more most less few several first second third last next new old ' +
    'mr mrs ms dr according despite amid among during under over about against between into through toward towards upon within instead rather whether because'
  ).split(/\s+/),
);

export const SAY_VERBS = new Set(
  'said says say told tells stated states added adds noted notes warned warns stressed stresses claimed claims argued argues insisted insists reiterated reiterates asked wrote explained alleged alleges believes believed according'.split(
    ' ',
  ),
);

export const PRONOUNS: Record<string, 'person' | 'actor' | 'female' | 'male'> = {
  he: 'male',
  him: 'male',
  his: 'male',
  she: 'female',
  her: 'female',
  hers: 'female',
  its: 'actor',
  it: 'actor',
  their: 'actor',
  they: 'actor',
};
export const REVERSED_TRIGGERS = (relations as unknown as { reversed: Record<string, string[]> }).reversed;
export const SPEAKER_CRITICISM = (relations as unknown as { speakerCriticism: string[] }).speakerCriticism;
