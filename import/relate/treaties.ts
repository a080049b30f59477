/**
 * Treaties (part of stage 6, relate): capitalised treaty names with their year and parties ("the 1961
 * DPRK-Soviet Union Treaty of Friendship, ..."), acronyms ("NPT"), generic treaty nouns that state their
 * parties ("the mutual defense treaty between South Korea and the United States", "The agreement North
 * Korea and Russia sign"), an organisation's resolutions, references back ("the 1961 treaty", "a new
 * accord"), the key clause when stated, and SUPERSEDES when one replaced another.
 */
import { gazetteer } from '../recognise/gazetteer';
import { PARTY_VERBS, RESOLUTION_NOUNS, ROLE_NOUNS, SUPERSEDE_VERBS, TREATY_GENERIC, TREATY_HEADS } from '../lexicon';
import { nounPhraseAt, phraseVariants, type PhraseContext } from '../text/noun-phrase';
import { norm } from '../text/norm';
import { findTreatyNames } from '../text/treaty-names';
import type { EventContext } from './events';
import { bySentence, mentionsNear, type ResolvedMention } from '../resolve';

export interface DocTreaty {
  key: string;
  name: string;
  fullName?: string;
  year?: string;
  surfaces: string[];
  parties: Map<string, number>; // entity key -> sentence of evidence
  signers: Map<string, number>; // people who signed personally
  clause?: string;
  named: boolean;
  mentions: Array<{ start: number; end: number; text: string; sentence: number }>;
  supersedes?: { key: string; sentence: number };
}

/** The actors of "A and B signed|reached|ratified [the|an] ..." right before `at`. */
function subjectParties(
  text: string,
  sentenceStart: number,
  at: number,
  mentions: ResolvedMention[],
  partyVerbs: string[],
): ResolvedMention[] {
  const verbs = partyVerbs.map((v) => v.replace(/ /g, '\\s+')).join('|');
  const before = text.slice(sentenceStart, at);
  const sv = new RegExp(
    `(?:^|[;:—]\\s+|\\bwhen\\s+)([^;:—]{2,160}?)\\s+(?:have\\s+|has\\s+|had\\s+|will\\s+|would\\s+|formally\\s+)?(?:${verbs})\\s+(?:the\\s+|an?\\s+|its\\s+)?(?:\\S+\\s+){0,2}$`,
    'u',
  ).exec(before);
  if (!sv) return [];
  const from = sentenceStart + sv.index + sv[0].indexOf(sv[1]);
  const to = from + sv[1].length;
  return mentions.filter((m) => m.start >= from && m.end <= to && m.actor);
}

export function findTreaties(ctx: EventContext): DocTreaty[] {
  const { text, sentences, resolved } = ctx;
  const gaz = gazetteer();
  const treaties: DocTreaty[] = [];
  const index = bySentence(resolved.mentions, sentences.length);
  let mentions: ResolvedMention[] = [];
  const mentionAt = (o: number): ResolvedMention | undefined => mentions.find((m) => m.start <= o && m.end > o);
  const byKey = (key: string): DocTreaty | undefined => treaties.find((t) => t.key === key);
  const acronymOf = new Map<string, DocTreaty>();
  const order: Array<{ treaty: DocTreaty; start: number; end: number; sentence: number }> = [];
  const orderBySentence = new Map<number, typeof order>();
  const note = (t: DocTreaty, start: number, end: number, si: number): void => {
    t.mentions.push({ start, end, text: text.slice(start, end), sentence: si });
    const entry = { treaty: t, start, end, sentence: si };
    order.push(entry);
    orderBySentence.set(si, [...(orderBySentence.get(si) ?? []), entry]);
  };
  const recentOrder = (si: number, back: number): typeof order => {
    const out: typeof order = [];
    for (let k = Math.max(0, si - back); k <= si; k++) out.push(...(orderBySentence.get(k) ?? []));
    return out;
  };

  sentences.forEach((s, si) => {
    const tokens = ctx.tokens[si];
    mentions = mentionsNear(index, si);
    const spans: Array<[number, number]> = [];
    // Named treaties.
    for (const found of findTreatyNames(s.text)) {
      const start = s.start + found.start;
      const end = s.start + found.end;
      spans.push([start, end]);
      const raw = found.text.replace(/^the\s+/i, '');
      const yearMatch = /^((?:19|20)\d\d)\s+/.exec(raw);
      const rest = yearMatch ? raw.slice(yearMatch[0].length) : raw;
      const words = rest.split(/\s+/);
      const headAt = words.findIndex((w) => TREATY_HEADS.has(w.toLowerCase().replace(/,$/, '')));
      const prefix = words.slice(0, Math.max(0, headAt));
      const parties: string[] = [];
      let descriptorFrom = 0;
      if (prefix.length) {
        const joined = prefix.join(' ');
        const parts = joined.split(/[-–]/);
        const states = parts.map((p) => gaz.stateByName(p.trim()));
        if (parts.length >= 2 && states.every(Boolean)) {
          parties.push(...states.map((st) => `State:${st!.code}`));
          descriptorFrom = prefix.length;
        }
      }
      const headAndTail = words.slice(descriptorFrom).join(' ');
      const name = rest;
      const key = `Treaty:${norm(name)}`;
      let t = byKey(key);
      if (!t) {
        t = {
          key,
          name,
          fullName: name,
          surfaces: [],
          parties: new Map(),
          signers: new Map(),
          named: true,
          mentions: [],
        };
        treaties.push(t);
      }
      if (yearMatch) t.year = yearMatch[1];
      t.surfaces.push(raw, rest);
      if (headAndTail !== rest && /\s/.test(headAndTail)) t.surfaces.push(headAndTail);
      for (const p of parties) if (resolved.entities.has(p)) t.parties.set(p, si);
      const acr = /^\s*\(([A-Z]{2,8})\)/.exec(text.slice(end, end + 12));
      if (acr) {
        t.surfaces.push(acr[1]);
        acronymOf.set(acr[1], t);
      }
      note(t, start, end, si);
    }
    // Acronyms of treaties ("NPT").
    for (const tok of tokens) {
      const t =
        acronymOf.get(tok.text) ??
        [...resolved.acronyms.entries()]
          .filter(([a]) => a === tok.text)
          .map(([, long]) => treaties.find((x) => x.name === long))
          .find(Boolean);
      if (
        !t ||
        spans.some(([a, b]) => tok.start >= a && tok.end <= b) ||
        /^\s*\($/.test(text.slice(tok.start - 2, tok.start))
      )
        continue;
      if (text.slice(tok.start - 1, tok.start) === '(') continue;
      note(t, tok.start, tok.end, si);
    }
    // Generic treaty nouns and resolutions.
    const dates = ctx.dates[si] ?? [];
    const phraseCtx: PhraseContext = {
      text,
      tokens,
      mentionAt,
      dateStartsAt: (o) =>
        dates.some(
          (d) => d.start === o || (d.start > o && /^(?:on|in|at|of|by|since|until)\s+$/.test(text.slice(o, d.start))),
        ),
      roleNouns: ROLE_NOUNS,
    };
    tokens.forEach((tok, i) => {
      if (!/^\p{Ll}/u.test(tok.text)) return;
      if (spans.some(([a, b]) => tok.start >= a && tok.end <= b)) return;
      if (RESOLUTION_NOUNS.has(tok.lower)) {
        // "multiple U.N. Security Council (UNSC) resolutions", "UNSC resolutions"
        const before = text.slice(Math.max(s.start, tok.start - 12), tok.start);
        const paren = /\(([A-Z]{2,8})\)\s*$/.exec(before);
        const orgEnd = paren
          ? tok.start - paren[0].length - (before.length - before.trimEnd().length === 0 ? 0 : 0)
          : tok.start;
        const org = [...mentions]
          .reverse()
          .find((m) => m.type === 'Organization' && m.end <= orgEnd && orgEnd - m.end <= 2 && m.sentence === si);
        if (!org) return;
        const ent = resolved.entities.get(org.key)!;
        const lead = /(\p{Ll}+)\s+(?:the\s+)?$/u.exec(text.slice(Math.max(s.start, org.start - 20), org.start));
        const start =
          lead &&
          /^(multiple|several|many|numerous|two|three|four|five|six|seven|eight|nine|ten|various|previous|past|successive|new)$/.test(
            lead[1],
          )
            ? org.start - lead[0].length
            : org.start;
        const name = `${ent.name} resolutions`;
        const key = `Treaty:${norm(name)}`;
        let t = byKey(key);
        if (!t) {
          t = { key, name, surfaces: [], parties: new Map(), signers: new Map(), named: true, mentions: [] };
          treaties.push(t);
        }
        t.surfaces.push(text.slice(start, tok.end), text.slice(org.start, tok.end), name);
        if (paren) t.surfaces.push(`${paren[1]} ${tok.text}`, text.slice(start, org.start) + `${paren[1]} ${tok.text}`);
        t.parties.set(org.key, si);
        note(t, start, tok.end, si);
        return;
      }
      if (!TREATY_GENERIC.has(tok.lower)) return;
      const np = nounPhraseAt(phraseCtx, i, i);
      const year = np.left.find((x) => /^(19|20)\d\d$/.test(x.text))?.text;
      const tail = mentions.filter((m) => m.start >= np.headEnd && m.end <= np.end && m.type === 'State');
      const orgMod = mentions.find((m) => m.start >= np.start && m.end <= np.headStart && m.type === 'Organization');
      let after = text.slice(np.end, s.end);
      const paren = /^\s*\([^)]{1,40}\)/.exec(after);
      const afterStart = np.end + (paren ? paren[0].length : 0);
      after = text.slice(afterStart, s.end);
      const signs = new RegExp(
        `^\\s*((?:(?:the\\s+)?[\\p{Lu}][^,;.]{0,60}?))\\s+(?:will\\s+|would\\s+|to\\s+)?(?:${PARTY_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\b`,
        'u',
      ).exec(after);
      const signers = signs
        ? mentions.filter(
            (m) => m.start >= afterStart && m.end <= afterStart + signs[0].length && m.type === 'State' && m.actor,
          )
        : [];
      const subjects = subjectParties(text, s.start, np.start, mentions, PARTY_VERBS).filter((m) => m.type === 'State');
      // "the Chinese-North Korean treaty", "China's own 1961 treaty with North Korea": the states before the
      // noun are its parties when two are named
      const leftStates = mentions.filter(
        (m) => m.start >= np.contentStart && m.end <= np.headStart && m.type === 'State',
      );
      const possessor = np.possessorStart !== undefined ? mentionAt(np.possessorStart) : undefined;
      const named = [...tail, ...signers, ...subjects];
      const beforeNoun = [...leftStates, ...(possessor?.type === 'State' ? [possessor] : [])];
      const parties =
        new Set([...named, ...beforeNoun].map((m) => m.key)).size >= 2 ? [...named, ...beforeNoun] : named;
      if (year && !parties.length) {
        const t =
          treaties.find((x) => (x.year ?? year) === year && beforeNoun.some((m) => x.parties.has(m.key))) ??
          treaties.find((x) => x.year === year);
        if (t) {
          t.surfaces.push(text.slice(np.start, np.end), text.slice(np.contentStart, np.end));
          note(t, np.start, np.end, si);
          return;
        }
        // "the 2018 inter-Korean military agreement": a dated agreement the phrase describes is one, named by
        // what the phrase says of it; a bare "the 2019 deal" says too little
        const described = np.left.filter((x) => x.text !== year && /^\p{Ll}/u.test(x.text) && x.text.length > 2);
        if (!described.length) return;
        const phrase = text.slice(described[0].start, np.headEnd).replace(/[“”"]/g, '').replace(/\s+/g, ' ');
        const name = `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} (${year})`;
        const key = `Treaty:${norm(name)}`;
        let made = byKey(key);
        if (!made) {
          made = { key, name, year, surfaces: [], parties: new Map(), signers: new Map(), named: false, mentions: [] };
          treaties.push(made);
        }
        made.surfaces.push(text.slice(np.start, np.end), text.slice(np.contentStart, np.end));
        note(made, np.start, np.end, si);
        return;
      }
      if (orgMod && !parties.length) {
        // "the U.N. charter"
        const ent = resolved.entities.get(orgMod.key)!;
        const name = `${ent.name} ${tok.text.charAt(0).toUpperCase()}${tok.text.slice(1)}`;
        const key = `Treaty:${norm(name)}`;
        let t = byKey(key);
        if (!t) {
          t = { key, name, surfaces: [], parties: new Map(), signers: new Map(), named: true, mentions: [] };
          treaties.push(t);
        }
        t.surfaces.push(text.slice(np.contentStart, np.end), text.slice(orgMod.start, np.end));
        note(t, np.start, np.end, si);
        return;
      }
      if (!parties.length) {
        // "a new accord": the unnamed treaty this document already talks about
        const t = [...treaties].reverse().find((x) => !x.named);
        if (t && np.left.length <= 2) {
          t.surfaces.push(text.slice(np.start, np.end));
          note(t, np.start, np.end, si);
        }
        return;
      }
      const partyNames = [...new Set(parties.map((p) => resolved.entities.get(p.key)!.name))];
      // the name says who the parties are; the modifiers keep what else the text says ("mutual-defence")
      const modifiers = leftStates
        .reduceRight(
          (m, st) => m.slice(0, st.start - np.contentStart) + m.slice(st.end - np.contentStart),
          text.slice(np.contentStart, np.headEnd),
        )
        .replace(/[“”"]/g, '')
        .replace(/\b(?:own|(?:19|20)\d\d)\b/g, '')
        .replace(/^[\s-–]+/, '')
        .replace(/\s+/g, ' ');
      const name = `${modifiers.charAt(0).toUpperCase()}${modifiers.slice(1)} between ${listNames(partyNames)}${year ? ` (${year})` : ''}`;
      const key = `Treaty:${norm(name)}`;
      let t = byKey(key);
      if (!t) {
        t = { key, name, year, surfaces: [], parties: new Map(), signers: new Map(), named: false, mentions: [] };
        treaties.push(t);
      }
      t.surfaces.push(
        ...phraseVariants(
          text,
          np,
          tail.map((m) => m.end),
        ),
      );
      if (paren) t.surfaces.push(text.slice(np.start, np.end + paren[0].length).trim());
      for (const p of parties) t.parties.set(p.key, si);
      note(t, np.start, np.end, si);
    });

    const verbs = PARTY_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|');
    for (const o of orderBySentence.get(si) ?? []) {
      const end = o.end;
      const rest = text.slice(end, s.end);
      // "the Treaty ... between Egypt and Sudan"
      const between = /^\s+between\s+[^,;.]{3,80}?(?=[,;.]|\s+(?:replaced|was|is|has|had|signed|in|on)\b|$)/.exec(rest);
      if (between)
        for (const m of mentions)
          if (m.start >= end && m.end <= end + between[0].length && m.type === 'State' && m.actor)
            o.treaty.parties.set(m.key, si);
      // "resolutions that Moscow itself voted for", "..., which Egypt, Ethiopia and Sudan signed"
      const re = new RegExp(
        `^[^.;]{0,80}?\\b(?:that|which)\\s+((?:the\\s+)?[\\p{Lu}][^.;]{0,80}?)\\s+(?:itself\\s+|themselves\\s+|also\\s+|have\\s+|has\\s+|had\\s+)?(?:${verbs})\\b`,
        'u',
      );
      const m = re.exec(rest);
      if (m) {
        const from = end + m.index + m[0].indexOf(m[1]);
        const to = from + m[1].length;
        for (const actor of mentions) {
          if (actor.start < from || actor.end > to || !actor.actor) continue;
          if (actor.type === 'State' || actor.type === 'Organization') o.treaty.parties.set(actor.key, si);
          if (actor.type === 'Person') o.treaty.signers.set(actor.key, si);
        }
      }
      // "Japan and the Philippines signed the Reciprocal Access Agreement"
      for (const actor of subjectParties(text, s.start, o.start, mentions, PARTY_VERBS)) {
        if (actor.type === 'State' || actor.type === 'Organization') o.treaty.parties.set(actor.key, si);
        if (actor.type === 'Person') o.treaty.signers.set(actor.key, si);
      }
      // "the 2019 Treaty of Aachen, signed by Angela Merkel and Emmanuel Macron"
      const by = /^,?\s+(?:which\s+was\s+|was\s+)?(?:signed|ratified|concluded)\s+by\s+[^;.]{2,120}?(?=,|;|\.|$)/.exec(
        rest,
      );
      if (by) {
        for (const actor of mentions) {
          if (actor.start < end || actor.end > end + by[0].length || !actor.actor) continue;
          if (actor.type === 'State' || actor.type === 'Organization') o.treaty.parties.set(actor.key, si);
          if (actor.type === 'Person') o.treaty.signers.set(actor.key, si);
        }
      }
    }

    // The key clause, when the text states one.
    const inThis = orderBySentence.get(si) ?? [];
    if (inThis.length) {
      const clause =
        /\b(Article\s+\d+)\b|\b((?:an?|the)\s+(?:[\w-]+\s+){0,4}clause(?:\s+(?:on|that|which)\s+[^.;]{3,160})?)/.exec(
          s.text,
        );
      if (clause) {
        const t = inThis[0].treaty;
        const auto = /\b(?:an?|the)\s+((?:[\w-]+\s+){0,4}clause(?:\s+(?:on|that|which)\s+[^.;]{3,160})?)/.exec(s.text);
        const parts = [clause[1], auto?.[1]].filter(Boolean);
        t.clause ??= parts.join(': ');
      }
      // "X replaced that provision", "X superseded the 1961 treaty"
      for (const verb of SUPERSEDE_VERBS) {
        const re = new RegExp(`\\b${verb.replace(/ /g, '\\s+')}\\b`, 'i');
        const v = re.exec(s.text);
        if (!v) continue;
        const at = s.start + v.index;
        const newer = [...inThis].reverse().find((x) => x.start < at);
        if (!newer) continue;
        const later = inThis.find((x) => x.start > at && x.treaty !== newer.treaty);
        const earlier = recentOrder(si, 3)
          .reverse()
          .find((x) => x.start < at && x.treaty !== newer.treaty && x.sentence >= si - 3);
        const older = later ?? earlier;
        if (older) newer.treaty.supersedes = { key: older.treaty.key, sentence: si };
        break;
      }
    }
  });
  return treaties;
}

function listNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
