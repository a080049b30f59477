/**
 * The graphology conventions every export writer reads (the importer's `--json` uses the same):
 * node key = entity/document id; node attributes `type`, `name`, `aliases` (string[]), optional `labels`
 * (Neo4j labels), then any type-specific attribute; edge key = relation id; edge attributes `type`,
 * `confidence`, `evidence` (Evidence[]), then any other attribute.
 */
export type Scalar = string | number | boolean;

/** Formats that only hold scalars: keep scalars, encode everything else (lists, evidence) as JSON text. */
export function toScalar(value: unknown): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
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

const XML_SPECIAL = /[&<>"'\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const XML_SPECIAL_ALL = /[&<>"'\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Tabs and line breaks as character references: a parser would fold them to spaces inside attributes. */
const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes text for an XML attribute or element; characters XML 1.0 cannot hold are dropped. */
export function escapeXml(text: string): string {
  if (!XML_SPECIAL.test(text)) return text; // the common case: nothing to do
  return text.replace(XML_SPECIAL_ALL, (c) => XML_ESCAPES[c] ?? '');
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
