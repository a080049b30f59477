/**
 * GEXF 1.3 writer, streamed. graphology-gexf has a writer, but it leaves list items that contain a comma
 * unquoted, so its own parser splits them ("a,b" comes back as two aliases); this one quotes every
 * `liststring` item. Names become labels, relation types edge labels; evidence and other structured
 * values are JSON text in string attributes because GEXF has no map type. A node's `x`, `y`, `color` and
 * `size` (view.ts) become `viz:position`, `viz:color` and `viz:size`, as Gephi and graphology-gexf read them.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import {
  edgeAttributes,
  escapeXml,
  escapeXmlInApostrophes,
  isStringList,
  nodeAttributes,
  toScalar,
  valueType,
  widenType,
  type ScalarType,
} from './attributes';
import type { ChunkedText } from './chunked-text';
import { parseColor, VIEW_ATTRIBUTES } from './view';

type GexfType = 'boolean' | 'integer' | 'long' | 'double' | 'string' | 'liststring';

interface AttributeDeclaration {
  id: string;
  title: string;
  type: GexfType;
  /** `<attvalue for="…" value='`, built once. */
  opening: string;
}

const GEXF_TYPE: Record<ScalarType, GexfType> = {
  boolean: 'boolean',
  int: 'integer',
  long: 'long',
  double: 'double',
  string: 'string',
};

const VIZ: ReadonlySet<string> = new Set(VIEW_ATTRIBUTES);

function declare(elements: Iterable<Attributes>, skip: ReadonlySet<string>): AttributeDeclaration[] {
  const types = new Map<string, ScalarType | 'liststring'>();
  for (const attributes of elements) {
    for (const name in attributes) {
      const value = attributes[name];
      if (value === null || value === undefined || skip.has(name)) continue;
      const previous = types.get(name);
      if (previous === 'string') continue; // nothing widens a string: skip the list test
      if (isStringList(value) && (previous === undefined || previous === 'liststring')) {
        types.set(name, 'liststring');
        continue;
      }
      types.set(name, previous === 'liststring' ? 'string' : widenType(previous, valueType(value)));
    }
  }
  return [...types].map(([title, type], index) => ({
    id: String(index),
    title,
    type: type === 'liststring' ? type : GEXF_TYPE[type],
    opening: `<attvalue for="${index}" value='`,
  }));
}

function formatValue(type: GexfType, value: unknown): string {
  if (type === 'liststring') return `[${(value as string[]).map((item) => JSON.stringify(item)).join(', ')}]`;
  return String(toScalar(value));
}

function declarations(cls: 'node' | 'edge', declared: AttributeDeclaration[]): string {
  let out = `<attributes class="${cls}">\n`;
  for (const d of declared) out += `<attribute id="${d.id}" title="${escapeXml(d.title)}" type="${d.type}"/>\n`;
  return `${out}</attributes>\n`;
}

/**
 * Values are delimited by apostrophes: evidence and lists are JSON, whose every `"` would otherwise become
 * `&quot;` (six characters for one, in the largest values of the file).
 */
function values(declared: AttributeDeclaration[], attributes: Attributes): string {
  let out = '';
  for (const d of declared) {
    const value = attributes[d.title];
    if (value === null || value === undefined) continue;
    const text = typeof value === 'string' ? value : formatValue(d.type, value);
    out += d.opening + escapeXmlInApostrophes(text) + "'/>\n";
  }
  return out ? `<attvalues>\n${out}</attvalues>\n` : '';
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function viz(attributes: Attributes): string {
  let out = '';
  if (finite(attributes.x) && finite(attributes.y)) out += `<viz:position x="${attributes.x}" y="${attributes.y}"/>\n`;
  const color = typeof attributes.color === 'string' ? parseColor(attributes.color) : null;
  if (color)
    out += `<viz:color r="${color.r}" g="${color.g}" b="${color.b}"${color.a === undefined ? '' : ` a="${color.a}"`}/>\n`;
  if (finite(attributes.size)) out += `<viz:size value="${attributes.size}"/>\n`;
  return out;
}

export async function writeGexf(graph: Graph, out: ChunkedText, options: { now?: Date } = {}): Promise<void> {
  const nodeDeclared = declare(nodeAttributes(graph), VIZ);
  const edgeDeclared = declare(edgeAttributes(graph), new Set());
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  out.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n' +
      `<meta lastmodifieddate="${date}"><creator>Dossier</creator></meta>\n` +
      `<graph defaultedgetype="${graph.type === 'undirected' ? 'undirected' : 'directed'}" mode="static">\n` +
      declarations('node', nodeDeclared) +
      declarations('edge', edgeDeclared) +
      '<nodes>\n',
  );
  for (const { node, attributes } of graph.nodeEntries()) {
    out.write(
      `<node id="${escapeXml(node)}" label="${escapeXml(String(attributes.name ?? node))}">\n` +
        values(nodeDeclared, attributes) +
        viz(attributes) +
        '</node>\n',
    );
    await out.flushIfFull();
  }
  out.write('</nodes>\n<edges>\n');
  const mixed = graph.type === 'mixed';
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const type = mixed ? ` type="${undirected ? 'undirected' : 'directed'}"` : '';
    const label = typeof attributes.type === 'string' ? ` label="${escapeXml(attributes.type)}"` : '';
    out.write(
      `<edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${type}${label}>\n` +
        values(edgeDeclared, attributes) +
        '</edge>\n',
    );
    await out.flushIfFull();
  }
  out.write('</edges>\n</graph>\n</gexf>\n');
  await out.flush();
}
