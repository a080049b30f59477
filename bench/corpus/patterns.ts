/**
 * Sentence patterns for the synthetic corpus, written after the seed corpus's news style. Slots:
 * {A} {B} {C} states (".adj" demonym, ".cap" capital), {P} {Q} {R} persons (first use: role and full name,
 * later uses: surname; ".name" full name, ".short" surname), {O} {O2} organisations, {E} an event, {T} a treaty,
 * {D} a date phrase, {DATE} a full date, {Y} a year, {MONTH}, {N} a number, {TOPIC}, {REGION}, {ANALYST}.
 */
export const SENTENCES: readonly string[] = [
  '{P} accused {B} of escalating military tensions in {REGION} in a speech to the {E} {D}, insisting that “physical force” is the only way to maintain peace.',
  '{A} and {B} signed the {T} {D}, pledging to deepen cooperation on {TOPIC} supplies and to consult each other in a crisis.',
  '{P} met with {Q} in {A.cap} {D} to discuss {TOPIC} cooperation between {A} and {B}.',
  'According to the {O}, {A} has been providing {TOPIC} components to {B} since {Y}, in breach of several resolutions.',
  '“We will never accept the hostile policy of {B},” {P.short} said in a statement carried by the {O}.',
  '{P.name}, {ANALYST} at the {O2}, told reporters that the deal “makes {A.cap} seem more active and engaged in {REGION}.”',
  '{A} denounced the sanctions imposed by {B} and {C} as a violation of its sovereignty and a threat to regional stability.',
  'The {A.adj} delegation, led by {P}, arrived in {B.cap} {D} for talks with officials of the {O}.',
  '{B} has been actively supporting {A} on the international stage since the outbreak of the conflict in {REGION}.',
  '{P.short} also reiterated that {A} possesses its own {TOPIC} capabilities that “can cover the entire territory of {B}.”',
  'Satellite imagery released by the {O} showed railcars returning to {A} from {B} with shipping containers.',
  'In {MONTH} {Y}, {A} invaded {B}, and {C} has since sent {N} tonnes of {TOPIC} aid to the government in {B.cap}.',
  '{P} visited {B} {D}, the first such trip by a senior {A.adj} official in a decade.',
  '{Q} welcomed the agreement, calling it “a new chapter” in relations between {A} and {B}.',
  'The {E} in {A.cap} drew delegations from {A}, {B} and {C}, as well as observers from the {O}.',
  'Officials in {B.cap} said {N} {TOPIC} shipments had crossed the border {D}, far more than in previous years.',
  '{A} and {B} held a joint naval exercise near {REGION} {D}, prompting criticism from {C}.',
  'Analysts at the {O2} said the {T} commits {A} to assist {B} if it comes under armed attack.',
  '{P.short} criticized {C} for “reckless provocations” along the border and warned of an “inevitable and insurmountable downfall.”',
  'The move follows {Q.short}’s high-profile visit to {A.cap} {D} to discuss security cooperation.',
  '{A}’s {ROLE} {R.name} told the {O} that military cooperation with {B} “does not pose a threat to anyone.”',
  '{B} has strongly denied the accusations made by {C} since they were first raised {D}.',
  'Trade between {A} and {B} rose to ${N} million in {Y}, according to data published by the {O2}.',
  '{P}, speaking at the {E}, said {A} would “always stand in the same trench” with the people of {B}.',
  '{C} sanctioned {N} entities linked to the {O} {D}, citing transfers of {TOPIC} technology to {A}.',
  'Neither {A.cap} nor {B.cap} confirmed the report, and the {O} declined to comment.',
  '{Q} said in an interview with the {O2} that {A} would continue to back {B} “for as long as it takes.”',
  'The {T}, signed in {A.cap} in {Y}, superseded an earlier agreement between the two governments.',
  'On {DATE}, {P.short} and {Q.short} toured a factory making {TOPIC} equipment outside {A.cap}, state media reported.',
  'Observers said the rapprochement between {A} and {B} could scare off moderate partners such as {C}.',
  '{R} blamed {B} for “escalating the war” by supplying {TOPIC} systems to {C}.',
  'Earlier at the {E}, {Q}, the {A.adj} counterpart of {P.short}, delivered a speech touting the partnership.',
  'The {O} said in a report {D} that {N} {A.adj} workers had been sent to {B} despite a ban.',
  '{A} recalled its ambassador from {B.cap} {D} after {R.short} called the government “a criminal regime.”',
  'The United Nations said {D} it had documented {N} violations of the arms embargo on {B}.',
];

/** Sentences without named entities, as news carries between the facts. */
export const FILLERS: readonly string[] = [
  'The long-isolated nation is not operating in a moral, regional or strategic vacuum.',
  'This new, transactional partnership offers political, strategic and economic opportunities it has not enjoyed in previous years.',
  'Few details of the arrangement were made public, and officials spoke on condition of anonymity.',
  'The decision is likely to complicate efforts to restart negotiations, diplomats said.',
  'Markets reacted calmly to the announcement, with the currency little changed by the close.',
  'Critics argue that the measures have done little to change behaviour on the ground.',
  'The talks lasted more than three hours and ended without a joint statement.',
  'It was not immediately clear whether the shipments had already left port.',
];

/** Headlines; the same slots as the sentences. */
export const HEADLINES: readonly string[] = [
  '{A} and {B} sign {TOPIC} deal as tensions rise in {REGION}',
  '{A}, empowered by {B}, digs in for long-term confrontation',
  'Why is {A} supporting {B}?',
  '{P.name} visits {B.cap} amid {TOPIC} talks',
  '{C} warns {A} over {TOPIC} shipments to {B}',
  'Inside the {T}: what {A} and {B} agreed',
];
