/**
 * General knowledge as data: the world's states (from the `world-countries` package plus historical states),
 * their names, alternative names, demonyms, capitals and seats of government; regions; well-known
 * organisations. Built once; matched case-sensitively on word boundaries, longest form first.
 */
import countries from 'world-countries';
import states from '../lexicons/states.json';
import places from '../lexicons/places.json';
import organizations from '../lexicons/organizations.json';
import { formMatcher } from './form-matcher';

export interface StateInfo {
  code: string;
  name: string;
  official?: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
  historical: boolean;
  successors: string[];
}

export type SurfaceKind = 'state' | 'demonym' | 'capital' | 'seat' | 'region' | 'organization';

export interface Surface {
  form: string;
  kind: SurfaceKind;
  code?: string; // state code for state/demonym/capital/seat
  name: string; // canonical name of what it refers to
}

export interface GazetteerMatch extends Surface {
  start: number;
  end: number;
  text: string;
}

export interface Gazetteer {
  states: Map<string, StateInfo>;
  surfaces: Map<string, Surface>;
  /** every state by lower-cased name/alias, for parsing "DPRK-Soviet Union" compounds */
  stateByName(name: string): StateInfo | undefined;
  match(text: string): GazetteerMatch[];
  isKnownForm(form: string): boolean;
  /** the well-known organisation a description such as "North Korean military" stands for */
  describedOrganization(description: string): string | undefined;
}

let cached: Gazetteer | undefined;

export function gazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}

function buildGazetteer(): Gazetteer {
  const stateMap = new Map<string, StateInfo>();
  const extraAliases = states.extraAliases as Record<string, string[]>;
  const extraDemonyms = states.extraDemonyms as Record<string, string[]>;
  const capitalOverrides = states.capitalOverrides as Record<string, string[]>;
  const ambiguous = new Set(states.ambiguousAliases);
  // Sovereign states first: a demonym or capital shared with a territory ("American", "French") names
  // the state, because the first state to claim a form keeps it.
  const sovereignFirst = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const c of sovereignFirst) {
    const demonym = c.demonyms?.eng;
    const aliases = [c.name.official, ...c.altSpellings, ...(extraAliases[c.cca3] ?? [])].filter(
      (a) => a && a !== c.name.common && !/^[A-Z]{2}$/.test(a) && !a.includes(',') && !ambiguous.has(a),
    );
    stateMap.set(c.cca3, {
      code: c.cca3,
      name: c.name.common,
      official: c.name.official,
      aliases: [...new Set(aliases)],
      demonyms: [
        ...new Set([demonym?.m, demonym?.f, ...(extraDemonyms[c.cca3] ?? [])].filter((d): d is string => Boolean(d))),
      ],
      capitals: capitalOverrides[c.cca3] ?? c.capital ?? [],
      historical: false,
      successors: [],
    });
  }
  for (const h of states.historical) {
    stateMap.set(h.code, {
      code: h.code,
      name: h.name,
      aliases: h.aliases,
      demonyms: h.demonyms,
      capitals: [],
      historical: true,
      successors: h.successors,
    });
  }

  const surfaces = new Map<string, Surface>();
  const add = (form: string, surface: Omit<Surface, 'form'>): void => {
    if (!form || form.length < 2 || ambiguous.has(form)) return;
    if (form.includes("'")) add(form.replace(/'/g, '\u2019'), surface);
    if (form.startsWith('the ')) add(`The ${form.slice(4)}`, surface);
    const existing = surfaces.get(form);
    // A state's own names win over demonyms and capitals ("Djibouti" is both a state and its capital).
    if (existing && rank(existing.kind) <= rank(surface.kind)) return;
    surfaces.set(form, { form, ...surface });
  };
  for (const s of stateMap.values()) {
    add(s.name, { kind: 'state', code: s.code, name: s.name });
    if (s.name.length >= 4 && !s.name.includes(' '))
      add(s.name.toUpperCase(), { kind: 'state', code: s.code, name: s.name });
    for (const a of s.aliases) add(a, { kind: 'state', code: s.code, name: s.name });
    for (const d of s.demonyms) {
      add(d, { kind: 'demonym', code: s.code, name: s.name });
      if (/[a-z]$/.test(d) && !d.includes('.')) add(`${d}s`, { kind: 'demonym', code: s.code, name: s.name });
    }
    for (const cap of s.capitals) {
      add(cap, { kind: 'capital', code: s.code, name: cap });
      add(cap.toUpperCase(), { kind: 'capital', code: s.code, name: cap });
    }
    // "N. Korea", "S. Sudan": abbreviated compass words
    const compass = /^(North|South|East|West) (.+)$/.exec(s.name);
    if (compass) add(`${compass[1][0]}. ${compass[2]}`, { kind: 'state', code: s.code, name: s.name });
  }
  for (const [form, code] of Object.entries(states.seatsOfGovernment)) {
    add(form, { kind: 'seat', code, name: stateMap.get(code)?.name ?? code });
  }
  for (const region of places.regions) {
    const name = region.replace(/^the /, '');
    add(region, { kind: 'region', name });
    // "Korean peninsula": multi-word regions are often written with a lower-case head
    if (name.includes(' '))
      add(
        name.replace(/ (\p{Lu})(\p{Ll}+)$/u, (_m, a: string, b: string) => ` ${a.toLowerCase()}${b}`),
        { kind: 'region', name },
      );
  }
  const described = new Map<string, string>();
  for (const org of organizations.known as Array<{ name: string; aliases: string[]; descriptions?: string[] }>) {
    add(org.name, { kind: 'organization', name: org.name });
    for (const a of org.aliases) add(a, { kind: 'organization', name: org.name });
    for (const d of org.descriptions ?? []) described.set(d.toLowerCase(), org.name);
  }

  const findForms = formMatcher(surfaces.keys());
  const byLowerName = new Map<string, StateInfo>();
  for (const s of stateMap.values()) {
    for (const n of [s.name, ...s.aliases, ...s.demonyms]) byLowerName.set(n.toLowerCase(), s);
  }

  return {
    states: stateMap,
    surfaces,
    stateByName: (name) => byLowerName.get(name.toLowerCase().replace(/^the /, '')),
    isKnownForm: (form) => surfaces.has(form),
    describedOrganization: (description) => described.get(description.toLowerCase()),
    match(text) {
      const out: GazetteerMatch[] = [];
      for (const { form, start } of findForms(text)) {
        const surface = surfaces.get(form)!;
        // "U.S." must not swallow the sentence's full stop: the form itself ends with the dot.
        out.push({ ...surface, start, end: start + form.length, text: form });
      }
      return out;
    },
  };
}

function rank(kind: SurfaceKind): number {
  return ['organization', 'state', 'seat', 'region', 'demonym', 'capital'].indexOf(kind);
}
