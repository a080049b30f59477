/**
 * The pipeline for one document — load -> clean -> segment -> recognise -> resolve -> relate — and for a
 * set of files, with the cross-document merge applied. Pure apart from reading the files.
 */
import type {
  AttributeValue,
  DocumentRecord,
  EntityRecord,
  EntityType,
  Evidence,
  ExtractedDocument,
  RelationRecord,
  RelationType,
} from '../graph/model/types';
import { entityId, relationId } from '../graph/model/ids';
import { clean } from './clean';
import { datesOfSentences, type DateMention } from './text/dates';
import { eventName, type DocEvent, type EventContext } from './relate/events';
import { relate } from './relate/relate';
import { loadDocument, type LoadedDocument } from './load';
import { mergeDocuments } from './merge';
import { recognise } from './recognise/rule-candidates';
import type { Fact } from './relate/pattern-facts';
import { resolve, type Resolved } from './resolve';
import { segment, type Sentence } from './segment';
import type { DocTreaty } from './relate/treaties';
import { DocumentLoadError } from './errors';
import { availableParallelism } from 'node:os';
import type { EngineSentence } from './engine/annotation';
import { EngineError, type NlpEngine } from './engine/nlp-engine';
import { refineWithEngine } from './recognise/engine-entities';
import { dependencyFacts, partiesOfSigners, type ArgumentMention } from './relate/dependency-facts';
import { CONFLICT_KINDS, MEETING_KINDS, TREATY_HEADS } from './lexicon';
import { norm } from './text/norm';
import { DEFAULT_DOCUMENT_TIMEOUT_MS, DocumentDeadline, DocumentDeadlineError } from './document-deadline';

export interface ExtractFailure {
  file: string;
  reason: string;
  message: string;
}

/** A file whose content is already stored (or came earlier in the same batch): not extracted again. */
export interface ExtractDuplicate {
  file: string;
  documentId: string;
}

export interface ExtractResult {
  documents: ExtractedDocument[];
  failures: ExtractFailure[];
  duplicates: ExtractDuplicate[];
}

/** Where one file is in extraction: its bytes are being read, or the engine and the rules are at it. */
export type ExtractStage = 'reading' | 'extracting';

export interface ExtractOptions {
  engine: NlpEngine;
  onDocument?: (file: string, ok: boolean, failure?: ExtractFailure) => void;
  onDuplicate?: (duplicate: ExtractDuplicate) => void;
  onStage?: (file: string, stage: ExtractStage) => void;
  /**
   * Each document's deadline, from reading to its last rule (`document-deadline.ts`; default
   * `DEFAULT_DOCUMENT_TIMEOUT_MS`): past it that document fails (`deadline`) and the others go on.
   */
  timeoutMs?: number;
  /**
   * Called as each document is extracted, so that it can be stored while the others are still being
   * extracted (`StoreQueue`); not waited for. The documents in the result are then the same, unmerged.
   */
  onExtracted?: (doc: ExtractedDocument) => void;
  /** Asked before each file: true leaves the files not yet started, each failed as `interrupted` (Ctrl-C). */
  interrupted?: () => boolean;
  /**
   * Asked once a file is read: true when a document with this id is already stored, so the engine is spared
   * it. Given, it also makes a second file with the same content in the batch a duplicate (uploads); the CLI
   * gives none and extracts every file it is given, as it always has.
   */
  isStored?: (documentId: string) => Promise<boolean>;
}

/**
 * Reads, extracts and merges a set of files; a bad file is reported and the others still import. As many
 * documents are with the engine at once as there are cores, so that its JVM decodes on every core.
 */
export async function extractFiles(
  files: Array<{ path: string; displayPath?: string; title?: string }>,
  options: ExtractOptions,
): Promise<ExtractResult> {
  const results: Array<ExtractedDocument | ExtractFailure | ExtractDuplicate> = new Array(files.length);
  const seen = new Set<string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const f = files[i];
      const shown = f.displayPath ?? f.path;
      if (options.interrupted?.()) {
        const failure = { file: shown, reason: 'interrupted', message: `${shown}: not imported (import interrupted)` };
        results[i] = failure;
        options.onDocument?.(shown, false, failure);
        continue;
      }
      const deadline = new DocumentDeadline(shown, options.timeoutMs ?? DEFAULT_DOCUMENT_TIMEOUT_MS);
      try {
        options.onStage?.(shown, 'reading');
        const loaded = await deadline.race(loadDocument(f.path, shown, { title: f.title, signal: deadline.signal }));
        const repeated = options.isStored !== undefined && seen.has(loaded.id);
        seen.add(loaded.id);
        if (repeated || (await options.isStored?.(loaded.id))) {
          const duplicate = { file: shown, documentId: loaded.id };
          results[i] = duplicate;
          options.onDuplicate?.(duplicate);
          continue;
        }
        options.onStage?.(shown, 'extracting');
        const extracted = await extractDocument(loaded, options.engine, deadline);
        results[i] = extracted;
        options.onDocument?.(shown, true);
        options.onExtracted?.(extracted);
      } catch (error) {
        // Whatever a stage threw once the deadline passed (an aborted request, a terminated PDF reader) is
        // the deadline's doing, and says so.
        const failure = describeFailure(shown, deadline.passed ? deadline.error() : error);
        results[i] = failure;
        options.onDocument?.(shown, false, failure);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(files.length, availableParallelism()) }, worker));
  const documents = results.filter((r): r is ExtractedDocument => 'document' in r);
  const failures = results.filter((r): r is ExtractFailure => 'reason' in r);
  const duplicates = results.filter((r): r is ExtractDuplicate => 'documentId' in r);
  return { documents: options.onExtracted ? documents : mergeDocuments(documents), failures, duplicates };
}

function describeFailure(shown: string, error: unknown): ExtractFailure {
  if (error instanceof DocumentDeadlineError) return { file: shown, reason: 'deadline', message: error.message };
  if (error instanceof DocumentLoadError) return { file: shown, reason: error.reason, message: error.message };
  if (error instanceof EngineError)
    return { file: shown, reason: error.code.toLowerCase(), message: `${shown}: not extracted (${error.message})` };
  return {
    file: shown,
    reason: 'extraction-failed',
    message: `${shown}: extraction failed (${(error as Error).message})`,
  };
}

/** One document through the whole pipeline, the engine's annotation included, within its deadline. */
export async function extractDocument(
  loaded: LoadedDocument,
  engine: NlpEngine,
  deadline: DocumentDeadline = new DocumentDeadline(loaded.path, DEFAULT_DOCUMENT_TIMEOUT_MS),
): Promise<ExtractedDocument> {
  deadline.enter('cleaning and splitting');
  const prepared = prepareDocument(loaded);
  deadline.enter('annotating');
  const annotation = await engine.annotate(prepared.sentences, deadline.signal);
  deadline.enter('applying the rules');
  return extractAnnotated(prepared, annotation);
}

export interface PreparedDocument {
  document: DocumentRecord;
  sentences: Sentence[];
}

/** load -> clean -> segment: what the engine needs to see. */
export function prepareDocument(loaded: LoadedDocument): PreparedDocument {
  const text = loaded.text;
  const keptRanges = clean(text);
  if (!keptRanges.length)
    throw new DocumentLoadError(loaded.path, 'no-article-text', 'nothing is left after removing boilerplate');
  const document: DocumentRecord = {
    ...loaded,
    keptRanges,
    wordCount: keptRanges.reduce((n, [s, e]) => n + (text.slice(s, e).match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0),
  };
  return { document, sentences: segment(text, keptRanges) };
}

/** recognise -> resolve -> relate over an annotated document: pure. */
export function extractAnnotated(prepared: PreparedDocument, annotation: EngineSentence[]): ExtractedDocument {
  const { document, sentences } = prepared;
  const text = document.text;
  const ruled = recognise(text, sentences);
  const recognised = { ...ruled, candidates: refineWithEngine(ruled.candidates, { text, sentences, annotation }) };
  const resolved = resolve(recognised, sentences);
  const dates: DateMention[][] = datesOfSentences(sentences, document.published);
  const ctx: EventContext = { text, sentences, tokens: recognised.tokens, resolved, dates, annotation };
  const { events, treaties, facts } = relate(ctx);
  facts.push(...eventFacts(events, resolved.entities), ...treatyFacts(treaties));
  const parsed = dependencyFacts(text, annotation, argumentMentions(resolved, treaties, events));
  const stated = [...facts.filter((f) => !parsed.denied[f.sentence]?.has(f.type)), ...parsed.facts];
  stated.push(...partiesOfSigners(stated, (key) => resolved.entities.get(key)?.type));

  // Entities, keyed by document-local key, with stable ids.
  const records = new Map<string, EntityRecord>(); // by id
  const idOf = new Map<string, string>(); // local key -> id
  const upsert = (
    key: string,
    type: EntityType,
    name: string,
    aliases: Iterable<string>,
    attributes: Record<string, AttributeValue>,
  ): EntityRecord => {
    const id = entityId(type, name);
    idOf.set(key, id);
    const rec = records.get(id) ?? { id, type, name, aliases: [], attributes: {}, mentions: [] };
    const set = new Set(rec.aliases);
    for (const a of aliases) if (a && a.trim() && a.trim() !== rec.name) set.add(a.trim());
    rec.aliases = [...set];
    rec.attributes = { ...attributes, ...rec.attributes };
    records.set(id, rec);
    return rec;
  };
  const mentioned = new Set(resolved.mentions.map((m) => m.key));
  for (const e of resolved.entities.values()) {
    if (e.type === 'Event' || !mentioned.has(e.key)) continue; // events come from findEvents
    const attrs: Record<string, AttributeValue> = { ...e.attributes };
    if (e.stateCode && e.type === 'State') attrs.code = e.stateCode;
    upsert(e.key, e.type, e.name, e.aliases, attrs);
  }
  for (const m of resolved.mentions) {
    if (m.type === 'Event') continue;
    const id = idOf.get(m.key);
    if (id) records.get(id)!.mentions.push({ document: document.id, start: m.start, end: m.end, text: m.text });
  }
  // One name in one document is one place or body ("Debaltseve" read once as a town and once as an
  // organisation): the type it is read as most often wins, a state over anything else.
  const byName = new Map<string, EntityRecord>();
  for (const rec of [...records.values()]) {
    if (!LOCATABLE.has(rec.type)) continue;
    const other = byName.get(norm(rec.name));
    if (!other) {
      byName.set(norm(rec.name), rec);
      continue;
    }
    const [into, from] = rank(rec) > rank(other) ? [rec, other] : [other, rec];
    absorb(from, into);
    byName.set(norm(rec.name), into);
  }
  const nameOf = (key?: string): string | undefined => (key ? records.get(idOf.get(key) ?? '')?.name : undefined);
  for (const ev of events) {
    const name = eventName(ev, resolved);
    const attrs: Record<string, AttributeValue> = { kind: ev.kind };
    if (ev.date) attrs.date = ev.date;
    if (ev.dateText) attrs.dateText = ev.dateText;
    const place =
      nameOf(ev.place?.key) ??
      nameOf(ev.destination?.key) ??
      (CONFLICT_KINDS.has(ev.kind) ? nameOf(ev.target?.key) : undefined);
    if (place) attrs.place = place;
    const participants = [...ev.participants.keys(), ev.visitor?.key, ev.attacker?.key]
      .map(nameOf)
      .filter((n): n is string => Boolean(n));
    if (participants.length) attrs.participants = [...new Set(participants)];
    const aliases = [...ev.surfaces];
    if (CONFLICT_KINDS.has(ev.kind) && ev.attacker && ev.target) {
      const att = resolved.entities.get(ev.attacker.key);
      const demonym = att?.stateCode
        ? [...att.aliases].find((a) => /(an|ian|ese|ish|i|ic)$/.test(a) && !a.includes(' '))
        : undefined;
      aliases.push(`${demonym ?? att?.name ?? ''} invasion of ${nameOf(ev.target.key)}`.trim());
    }
    // then the short references the text uses for it ("the ruling", "a summit"), after the names
    const references = ev.mentions.map((m) => m.text).filter((t) => !usefulAlias(t) && /\s/.test(t));
    const rec = upsert(ev.key, 'Event', name, [...aliases.filter(usefulAlias), ...references], attrs);
    for (const m of ev.mentions) rec.mentions.push({ document: document.id, start: m.start, end: m.end, text: m.text });
  }
  for (const t of treaties) {
    const attrs: Record<string, AttributeValue> = {};
    if (t.year) attrs.year = t.year;
    if (t.fullName) attrs.fullName = t.fullName;
    const parties = [...t.parties.keys()].map(nameOf).filter((n): n is string => Boolean(n));
    if (parties.length) attrs.parties = parties;
    if (t.clause) attrs.clause = t.clause;
    const rec = upsert(t.key, 'Treaty', t.name, t.surfaces.filter(usefulAlias), attrs);
    for (const m of t.mentions) rec.mentions.push({ document: document.id, start: m.start, end: m.end, text: m.text });
    // "the Treaty on the Non-Proliferation of Nuclear Weapons (NPT)" and a recognised "NPT" are one treaty
    // and "the Intermediate-Range Nuclear Forces Treaty" is the "INF Treaty" or the "INF Pact"
    const forms = new Set([t.name, ...t.surfaces].map(norm));
    const initials = treatyInitials(t.name);
    const ownAcronym = acronymOfTreatyName(t.name);
    const sameTreaty = (other: EntityRecord): boolean =>
      (other.type === 'Treaty' && [other.name, ...other.aliases].some((a) => forms.has(norm(a)))) ||
      ((other.type === 'Treaty' || other.type === 'Organization') &&
        /^[A-Z]{2,8}$/.test(other.name) &&
        t.surfaces.includes(other.name)) ||
      (other.type === 'Treaty' && initials !== undefined && acronymOfTreatyName(other.name) === initials) ||
      (other.type === 'Treaty' && ownAcronym !== undefined && treatyInitials(other.name) === ownAcronym);
    for (const other of [...records.values()]) if (other !== rec && sameTreaty(other)) absorb(other, rec);
  }
  function absorb(from: EntityRecord, into: EntityRecord): void {
    into.aliases = [...new Set([...into.aliases, from.name, ...from.aliases])].filter((a) => a !== into.name);
    into.mentions.push(...from.mentions);
    into.attributes = { ...from.attributes, ...into.attributes };
    records.delete(from.id);
    for (const [key, id] of idOf) if (id === from.id) idOf.set(key, into.id);
  }
  // Roles from affiliations become a person's role attribute.
  for (const f of stated) {
    if (f.type !== 'AFFILIATED_WITH' || typeof f.attributes?.role !== 'string') continue;
    const rec = records.get(idOf.get(f.source) ?? '');
    if (rec && !rec.attributes.role) rec.attributes.role = f.attributes.role;
  }

  const relations = new Map<string, RelationRecord>();
  const evidenceSpans = new Map<string, Set<string>>();
  for (const f of stated) {
    const source = idOf.get(f.source);
    const target = idOf.get(f.target);
    if (!source || !target || source === target) continue;
    const id = relationId(f.type, source, target);
    const evidence = evidenceOf(text, sentences[f.sentence], document.id, f.span);
    const rel = relations.get(id) ?? { id, type: f.type, source, target, attributes: {}, evidence: [], confidence: 0 };
    const spans = evidenceSpans.get(id) ?? new Set<string>();
    evidenceSpans.set(id, spans);
    if (!spans.has(`${evidence.start}:${evidence.end}`)) {
      spans.add(`${evidence.start}:${evidence.end}`);
      rel.evidence.push(evidence);
    }
    rel.confidence = Math.max(rel.confidence, Math.min(0.95, f.confidence + 0.05 * (rel.evidence.length - 1)));
    for (const [k, v] of Object.entries(f.attributes ?? {})) if (rel.attributes[k] === undefined) rel.attributes[k] = v;
    relations.set(id, rel);
  }
  return { document, entities: [...records.values()], relations: [...relations.values()] };
}

/** What the parse can point at: resolved actors and places (demonyms as modifiers) and treaties. */
function argumentMentions(resolved: Resolved, treaties: DocTreaty[], events: DocEvent[]): ArgumentMention[] {
  const out: ArgumentMention[] = resolved.mentions
    .filter((m) => m.type !== 'Event')
    .map((m) => ({ key: m.key, type: m.type, start: m.start, end: m.end, sentence: m.sentence, modifier: !m.actor }));
  for (const t of treaties)
    for (const m of t.mentions)
      out.push({ key: t.key, type: 'Treaty', start: m.start, end: m.end, sentence: m.sentence, modifier: false });
  const typeOf = (key: string) => resolved.entities.get(key)?.type;
  for (const e of events) {
    // who carried it out: the attacker or visitor, else the states and bodies taking part, else the people
    const taking = [...e.participants.keys()];
    const bodies = taking.filter((k) => typeOf(k) === 'State' || typeOf(k) === 'Organization');
    const doers = [e.attacker?.key ?? e.visitor?.key].filter((k): k is string => Boolean(k));
    const keys = doers.length ? doers : bodies.length ? bodies : taking.filter((k) => typeOf(k) === 'Person');
    const actors = keys.flatMap((key) => {
      const type = typeOf(key);
      return type ? [{ key, type }] : [];
    });
    for (const m of e.mentions)
      out.push({
        key: e.key,
        type: 'Event',
        start: m.start,
        end: m.end,
        sentence: m.sentence,
        modifier: false,
        actors,
      });
  }
  return out;
}

/** A bare generic word ("visit", "the war") names nothing on its own; fragments cut inside a name neither. */
const LOCATABLE = new Set<EntityType>(['State', 'Place', 'Organization']);
const rank = (rec: EntityRecord): number => (rec.type === 'State' ? 1_000_000 : 0) + rec.mentions.length;

/** "Intermediate-Range Nuclear Forces Treaty" -> "INF": the initials of the words before the treaty noun. */
function treatyInitials(name: string): string | undefined {
  const words = name.split(/\s+/);
  const head = words.findIndex((w) => TREATY_HEADS.has(w.toLowerCase()));
  if (head < 2) return undefined;
  const before = words.slice(0, head);
  if (!before.every((w) => /^\p{Lu}/u.test(w))) return undefined;
  return before.map((w) => w[0]).join('');
}

/** "INF Treaty", "INF Pact" -> "INF". */
function acronymOfTreatyName(name: string): string | undefined {
  const m = /^([A-Z]{2,8})\s+(\S+)$/.exec(name.trim());
  return m && TREATY_HEADS.has(m[2].toLowerCase()) ? m[1] : undefined;
}

function usefulAlias(alias: string): boolean {
  const words = alias.replace(/^(?:a|an|the|this|that|its|his|her|their)\s+/i, '').split(/\s+/);
  if (words.length === 1 && /^\p{Ll}/u.test(words[0])) return false;
  return !/(?:\s(?:and|of|the|to|between|with|in|on|by|a|an)|-)$/i.test(alias);
}

function evidenceOf(text: string, s: Sentence, documentId: string, span?: { start: number; end: number }): Evidence {
  const start = span?.start ?? s.start;
  const end = span?.end ?? s.end;
  return { document: documentId, start, end, text: text.slice(start, end) };
}

function eventFacts(events: DocEvent[], entities: Map<string, { type: EntityType }>): Fact[] {
  const facts: Fact[] = [];
  const add = (
    type: RelationType,
    source: string | undefined,
    target: string | undefined,
    sentence: number,
    confidence: number,
  ): void => {
    if (source && target && source !== target) facts.push({ type, source, target, sentence, confidence });
  };
  for (const e of events) {
    const first = e.mentions[0]?.sentence ?? 0;
    for (const [p, si] of e.participants) add('PARTICIPATED_IN', p, e.key, si, 0.7);
    if (e.visitor) {
      add('PARTICIPATED_IN', e.visitor.key, e.key, e.visitor.sentence, 0.8);
      if (e.destination) add('VISITED', e.visitor.key, e.destination.key, e.destination.sentence, 0.8);
    }
    if (e.destination) add('LOCATED_IN', e.key, e.destination.key, e.destination.sentence, 0.7);
    if (e.place) add('LOCATED_IN', e.key, e.place.key, e.place.sentence, 0.7);
    if (e.attacker) {
      add('PARTICIPATED_IN', e.attacker.key, e.key, e.attacker.sentence, 0.8);
      if (e.target && entities.get(e.target.key)?.type === 'State')
        add('ATTACKED', e.attacker.key, e.target.key, e.attacker.sentence, 0.75);
    }
    if (CONFLICT_KINDS.has(e.kind) && e.target) add('LOCATED_IN', e.key, e.target.key, e.target.sentence, 0.6);
    if (MEETING_KINDS.has(e.kind) || e.kind === 'visit') {
      const people = [...e.participants.keys(), e.visitor?.key].filter(
        (k): k is string => Boolean(k) && entities.get(k!)?.type === 'Person',
      );
      const uniq = [...new Set(people)];
      for (let i = 0; i < uniq.length; i++)
        for (let j = i + 1; j < uniq.length; j++)
          add('MET_WITH', uniq[i], uniq[j], e.participants.get(uniq[j]) ?? first, 0.7);
    }
  }
  return facts;
}

function treatyFacts(treaties: DocTreaty[]): Fact[] {
  const facts: Fact[] = [];
  for (const t of treaties) {
    for (const [p, si] of t.parties)
      facts.push({ type: 'PARTY_TO', source: p, target: t.key, sentence: si, confidence: 0.8 });
    for (const [p, si] of t.signers)
      facts.push({ type: 'SIGNED', source: p, target: t.key, sentence: si, confidence: 0.75 });
    if (t.supersedes)
      facts.push({
        type: 'SUPERSEDES',
        source: t.key,
        target: t.supersedes.key,
        sentence: t.supersedes.sentence,
        confidence: 0.8,
      });
  }
  return facts;
}
