/**
 * The view in the URL's hash, so a copied link reopens the same picture: loaded nodes, selection,
 * filters, sizing and colouring, and camera. Encoding and decoding are pure; decoding ignores what it cannot read instead of
 * failing, since links get truncated and edited by hand.
 */
import type { Selection } from '../state/view-state';
import { EMPTY_FILTERS, type FilterState } from '../filters/filters';
import { INITIAL_APPEARANCE, type AppearanceState } from '../appearance/appearance-state';
import { METRICS, type Metric } from '../metrics/compute-metrics';

export interface CameraPosition {
  x: number;
  y: number;
  ratio: number;
}

export interface UrlView {
  nodes: string[] | null; // null = the default overview
  positions: Array<{ x: number; y: number }> | null; // one per node, same order, so the picture is the same
  hidden: string[];
  selection: Selection;
  filters: FilterState;
  appearance: AppearanceState;
  camera: CameraPosition | null;
}

export const EMPTY_URL_VIEW: UrlView = {
  nodes: null,
  positions: null,
  hidden: [],
  selection: null,
  filters: EMPTY_FILTERS,
  appearance: INITIAL_APPEARANCE,
  camera: null,
};

const list = (values: string[]) => values.map(encodeURIComponent).join(',');
const parseList = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((v) => safeDecode(v))
        .filter((v): v is string => !!v)
    : [];

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** "#nodes=a,b&pos=1.5,2,-3,4&sel=node:a&ntypes=Place&cam=0.5,0.5,1" (empty parts left out). */
export function encodeUrlView(view: UrlView): string {
  const parts: string[] = [];
  if (view.nodes) parts.push(`nodes=${list(view.nodes)}`);
  if (view.nodes && view.positions && view.positions.length === view.nodes.length) {
    parts.push(`pos=${view.positions.map((p) => `${round(p.x, 1)},${round(p.y, 1)}`).join(',')}`);
  }
  if (view.hidden.length) parts.push(`hidden=${list(view.hidden)}`);
  if (view.selection) parts.push(`sel=${view.selection.kind}:${encodeURIComponent(view.selection.id)}`);
  const f = view.filters;
  if (f.hiddenNodeTypes.length) parts.push(`ntypes=${list(f.hiddenNodeTypes)}`);
  if (f.hiddenRelationTypes.length) parts.push(`rtypes=${list(f.hiddenRelationTypes)}`);
  if (f.documents.length) parts.push(`docs=${list(f.documents)}`);
  if (f.dateRange) parts.push(`dates=${encodeURIComponent(f.dateRange.from)},${encodeURIComponent(f.dateRange.to)}`);
  if (view.appearance.sizeBy !== INITIAL_APPEARANCE.sizeBy) parts.push(`size=${view.appearance.sizeBy}`);
  if (view.appearance.colourBy !== INITIAL_APPEARANCE.colourBy) parts.push(`colour=${view.appearance.colourBy}`);
  if (f.dateRange && f.dateLane !== EMPTY_FILTERS.dateLane) parts.push(`dlane=${f.dateLane}`);
  if (view.camera) {
    const c = view.camera;
    parts.push(`cam=${round(c.x, 4)},${round(c.y, 4)},${round(c.ratio, 4)}`);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

export function decodeUrlView(hash: string): UrlView {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const nodes = params.has('nodes') ? parseList(params.get('nodes') ?? '') : null;
  let positions: UrlView['positions'] = null;
  const pos = (params.get('pos') ?? '').split(',').map(Number);
  if (nodes && pos.length === nodes.length * 2 && pos.every(Number.isFinite)) {
    positions = nodes.map((_id, i) => ({ x: pos[2 * i], y: pos[2 * i + 1] }));
  }
  let selection: Selection = null;
  const sel = params.get('sel');
  if (sel) {
    const colon = sel.indexOf(':');
    const kind = sel.slice(0, colon);
    const id = safeDecode(sel.slice(colon + 1));
    if ((kind === 'node' || kind === 'edge') && id) selection = { kind, id };
  }
  let dateRange: FilterState['dateRange'] = null;
  const dates = parseList(params.get('dates') ?? null);
  if (dates.length === 2 && dates.every((d) => /^\d{4}(-\d{2}){0,2}$/.test(d)))
    dateRange = { from: dates[0], to: dates[1] };
  const size = params.get('size');
  const appearance: AppearanceState = {
    sizeBy: METRICS.includes(size as Metric) ? (size as Metric) : INITIAL_APPEARANCE.sizeBy,
    colourBy: params.get('colour') === 'community' ? 'community' : INITIAL_APPEARANCE.colourBy,
  };
  let camera: CameraPosition | null = null;
  const cam = (params.get('cam') ?? '').split(',').map(Number);
  if (cam.length === 3 && cam.every(Number.isFinite) && cam[2] > 0) camera = { x: cam[0], y: cam[1], ratio: cam[2] };
  return {
    nodes,
    positions,
    hidden: parseList(params.get('hidden') ?? null),
    selection,
    filters: {
      hiddenNodeTypes: parseList(params.get('ntypes') ?? null),
      hiddenRelationTypes: parseList(params.get('rtypes') ?? null),
      documents: parseList(params.get('docs') ?? null),
      dateRange,
      dateLane: params.get('dlane') === 'reported' ? 'reported' : 'happened',
    },
    appearance,
    camera,
  };
}
