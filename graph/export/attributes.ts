/**
 * The graphology conventions every export writer reads (the importer's `--json` uses the same):
 * node key = entity/document id; node attributes `type`, `name`, `aliases` (string[]), optional `labels`
 * (Neo4j labels), then any type-specific attribute; edge key = relation id; edge attributes `type`,
 * `confidence`, `evidence` (Evidence[]), then any other attribute.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';

export type Scalar = string | number | boolean;

/** Every node's attributes, without building a list of them. */
export function* nodeAttributes(graph: Graph): Generator<Attributes> {
  for (const { attributes } of graph.nodeEntries()) yield attributes;
}

export function* edgeAttributes(graph: Graph): Generator<Attributes> {
  for (const { attributes } of graph.edgeEntries()) yield attributes;
}

/** Formats that only hold scalars: keep scalars, encode everything else (lists, evidence) as JSON text. */
export function toScalar(value: unknown): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return jsonText(value);
}

/** A string that JSON.stringify would write as it is, between quotes. */
const JSON_PLAIN = /["\\\u0000-\u001f\ud800-\udfff]/;

function jsonString(text: string): string {
  return JSON_PLAIN.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function jsonScalar(value: unknown): string | undefined {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  return undefined;
}

/** `{…}` for an object of scalars, undefined for anything else. */
function flatObjectJson(value: object): string | undefined {
  let out = '{';
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const text = jsonScalar(item);
    if (text === undefined) return undefined;
    out += `${out.length > 1 ? ',' : ''}${jsonString(key)}:${text}`;
  }
  return `${out}}`;
}

/**
 * The same text as `JSON.stringify(value)`, written by hand for what exports hold most: lists of flat
 * objects (evidence) and of strings (aliases). Measured on 250,000 edges of evidence: about a third of the
 * time of JSON.stringify, which was a third of a GEXF export's CPU time. Anything else goes to JSON.stringify.
 */
export function jsonText(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const text =
        jsonScalar(item) ??
        (item && typeof item === 'object' && !Array.isArray(item) ? flatObjectJson(item) : undefined);
      if (text === undefined) return JSON.stringify(value);
      out += i > 0 ? `,${text}` : text;
    }
    return `${out}]`;
  }
  if (value && typeof value === 'object') return flatObjectJson(value) ?? JSON.stringify(value);
  return JSON.stringify(value);
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Attribute names across elements, in first-seen order with the conventional ones first. */
export function attributeNames(elements: Iterable<Record<string, unknown>>, first: readonly string[]): string[] {
  const names = new Set<string>(first);
  for (const attributes of elements) for (const name of Object.keys(attributes)) names.add(name);
  return [...names];
}

/**
 * What each character below '?' becomes in XML text or an attribute value: itself (undefined), a reference,
 * or nothing (control characters XML 1.0 cannot hold). Tabs and line breaks become references because a
 * parser folds them to spaces inside attributes.
 */
const XML_REPLACEMENTS: Array<string | undefined> = Array.from({ length: 63 }, (_, code) => {
  const named: Record<number, string> = { 38: '&amp;', 60: '&lt;', 62: '&gt;', 34: '&quot;', 39: '&apos;' };
  if (named[code]) return named[code];
  if (code === 9 || code === 10 || code === 13) return `&#${code};`;
  return code < 32 ? '' : undefined;
});

const XML_SPECIAL = /[&<>"'\u0000-\u001f\ufffe\uffff]/;
/** Inside an attribute value delimited by apostrophes, a double quote needs no escaping (JSON is full of them). */
const XML_SPECIAL_IN_APOSTROPHES = /[&<>'\u0000-\u001f\ufffe\uffff]/;

function escapeFrom(text: string, from: number, keepQuotes: boolean): string {
  let out = text.slice(0, from);
  let last = from;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | undefined;
    if (code < 63) replacement = code === 34 && keepQuotes ? undefined : XML_REPLACEMENTS[code];
    else if (code >= 0xfffe) replacement = '';
    else continue;
    if (replacement === undefined) continue;
    out += text.slice(last, i) + replacement;
    last = i + 1;
  }
  return out + text.slice(last);
}

/**
 * Escapes text for an XML element or a double-quoted attribute in one pass: the native search finds the
 * first character that needs it (most text has none and is returned as it is, without a copy), and the
 * rest is walked once; characters XML 1.0 cannot hold are dropped. (A regular-expression test followed by
 * a replace with a callback walked evidence JSON twice and called back for every quote.)
 */
export function escapeXml(text: string): string {
  const first = text.search(XML_SPECIAL);
  return first < 0 ? text : escapeFrom(text, first, false);
}

/**
 * The same for an attribute value delimited by apostrophes (`value='…'`) or for element text, where `"`
 * stays as it is (an apostrophe is escaped either way).
 */
export function escapeXmlInApostrophes(text: string): string {
  const first = text.search(XML_SPECIAL_IN_APOSTROPHES);
  return first < 0 ? text : escapeFrom(text, first, true);
}

export type ScalarType = 'boolean' | 'int' | 'long' | 'double' | 'string';

/** The type a value is written as, without serialising it (lists and maps are JSON text: strings). */
export function valueType(value: unknown): ScalarType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isFinite(value) ? scalarType(value) : 'string';
  return 'string';
}

export function scalarType(value: Scalar): ScalarType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'double';
    return Math.abs(value) <= 0x7fffffff ? 'int' : 'long';
  }
  return 'string';
}

/** The narrowest type that holds both: int < long < double; anything else mixed is a string. */
export function widenType(a: ScalarType | undefined, b: ScalarType): ScalarType {
  if (!a || a === b) return b;
  const numeric: ScalarType[] = ['int', 'long', 'double'];
  if (numeric.includes(a) && numeric.includes(b)) return numeric[Math.max(numeric.indexOf(a), numeric.indexOf(b))];
  return 'string';
}
