/**
 * How each node and edge type looks: colour, pictogram and label. Pure data and functions, so the legend,
 * the renderer and the tests share one definition.
 */
import { CO_OCCURS, HYPOTHESIS } from '../../graph/model/types';

export interface TypeStyle {
  color: string;
  label: string;
  icon: string; // SVG path data, 24x24 box, drawn white inside the node's disc
}

const ICONS = {
  person: 'M12 2.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zM3.5 21.5c0-4.7 3.8-8 8.5-8s8.5 3.3 8.5 8z',
  flag: 'M4.5 2h2.2v20H4.5zM8 3h12l-3 4.5L20 12H8z',
  building: 'M3.5 21.5V6L12 2l8.5 4v15.5h-6V16h-5v5.5zM7 8h3v2.5H7zm7 0h3v2.5h-3zM7 12.5h3V15H7zm7 0h3V15h-3z',
  pin: 'M12 1.5a7.5 7.5 0 0 0-7.5 7.5c0 5.3 7.5 13.5 7.5 13.5S19.5 14.3 19.5 9A7.5 7.5 0 0 0 12 1.5zm0 10.5a3 3 0 1 1 0-6 3 3 0 0 1 0 6z',
  scroll: 'M5 2h10l5 5v15H5zM8 10.5h9V12H8zm0 4h9V16H8zm0-8h5V8H8z',
  calendar: 'M6.5 1.5h2.2v2.5h6.6V1.5h2.2v2.5h3.5v18H3V4h3.5zM5.2 9v10.8h13.6V9zM7.5 11h4v4h-4z',
  page: 'M5 2h9.5L19 6.5V22H5zM13.5 3v4.5H18',
  dot: 'M12 6a6 6 0 1 1 0 12 6 6 0 0 1 0-12z',
};

export const NODE_TYPE_STYLES: Readonly<Record<string, TypeStyle>> = {
  Person: { color: '#4e79a7', label: 'Person', icon: ICONS.person },
  State: { color: '#d84a4c', label: 'State', icon: ICONS.flag },
  Organization: { color: '#e5801c', label: 'Organization', icon: ICONS.building },
  Place: { color: '#4f9a47', label: 'Place', icon: ICONS.pin },
  Treaty: { color: '#9c63a0', label: 'Treaty', icon: ICONS.scroll },
  Event: { color: '#b8911a', label: 'Event', icon: ICONS.calendar },
  Document: { color: '#8c6a52', label: 'Document', icon: ICONS.page },
};

export const OTHER_NODE_STYLE: TypeStyle = { color: '#7b8494', label: 'Other', icon: ICONS.dot };

export function nodeTypeStyle(type: string): TypeStyle {
  return NODE_TYPE_STYLES[type] ?? OTHER_NODE_STYLE;
}

/** The pictogram as an SVG data URL that sigma's image program can load (no network, no HTML). */
export function iconDataUrl(icon: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 24 24"><path fill="#ffffff" fill-rule="evenodd" d="${icon}"/></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export const MIN_NODE_SIZE = 5;
export const MAX_NODE_SIZE = 22;

/** Size grows with the square root of the degree, so hubs stand out without hiding everyone else. */
export function nodeSize(degree: number, maxDegree: number): number {
  if (!(degree > 0) || !(maxDegree > 0)) return MIN_NODE_SIZE;
  const ratio = Math.sqrt(Math.min(degree, maxDegree)) / Math.sqrt(maxDegree);
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * ratio;
}

const HOSTILE = new Set(['ATTACKED', 'OPPOSES']);
const FRIENDLY = new Set(['SUPPORTS', 'COOPERATES_WITH', 'SUPPLIES', 'MET_WITH', 'SIGNED', 'PARTY_TO']);

export const CO_OCCURS_COLOR = '#cfd5de';

/** Edge colour tells the kind of relation at a glance: hostile red, friendly green, co-occurrence faint. */
export function edgeColor(type: string): string {
  if (type === CO_OCCURS) return CO_OCCURS_COLOR;
  if (type === HYPOTHESIS) return '#e8a33d';
  if (HOSTILE.has(type)) return '#c8504d';
  if (FRIENDLY.has(type)) return '#5f9c6c';
  return '#8d97a8';
}

/** Labels longer than this are cut on a word: a 90-character event name drawn whole hides its neighbours. */
export const MAX_LABEL_LENGTH = 32;

/** What a node's label shows: its name, cut at a word with an ellipsis when long (the details show it whole). */
export function nodeLabel(name: string): string {
  if (name.length <= MAX_LABEL_LENGTH) return name;
  const cut = name.slice(0, MAX_LABEL_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= MAX_LABEL_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:'’-]+$/, '')}…`;
}

/** "PARTICIPATED_IN" -> "participated in": what edge labels and the details panel show. */
export function relationLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/** Edge thickness from the number of evidence sentences, capped. */
export function edgeSize(evidenceCount: number | undefined): number {
  const count = evidenceCount && evidenceCount > 0 ? evidenceCount : 1;
  return Math.min(1.2 + Math.log2(count) * 0.9, 5);
}
