/**
 * The shortest paths an analyst asked for: the two ends, the options, the answer and which of its paths
 * is shown. Changed by pure producers; the reducers read `pathHighlight` to emphasise the paths.
 */
import type { GraphEdge, PathsResponse } from '../../graph/model/api-types';
import { relationLabel } from '../appearance/node-style';

export interface PathEnd {
  id: string;
  name: string;
}

export interface PathOptions {
  maxHops: number;
  relTypes: string[]; // empty: every fact type
  throughDocuments: boolean;
}

export const DEFAULT_PATH_OPTIONS: PathOptions = { maxHops: 4, relTypes: [], throughDocuments: false };
export const MAX_PATH_HOPS = 6;

export interface PathState {
  from: PathEnd | null;
  to: PathEnd | null;
  options: PathOptions;
  status: 'idle' | 'loading' | 'found' | 'none' | 'error';
  message: string | null;
  result: PathsResponse | null;
  /** The path shown alone, or null for all of them. */
  active: number | null;
}

export const INITIAL_PATHS: PathState = {
  from: null,
  to: null,
  options: DEFAULT_PATH_OPTIONS,
  status: 'idle',
  message: null,
  result: null,
  active: null,
};

export const setPathEnd =
  (which: 'from' | 'to', end: PathEnd | null) =>
  (state: PathState): PathState =>
    state[which]?.id === end?.id ? state : { ...state, [which]: end };

export const setPathOptions =
  (options: Partial<PathOptions>) =>
  (state: PathState): PathState => ({ ...state, options: { ...state.options, ...options } });

export const pathsLoading =
  () =>
  (state: PathState): PathState => ({ ...state, status: 'loading', message: null, result: null, active: null });

export const pathsAnswered =
  (result: PathsResponse, message: string | null) =>
  (state: PathState): PathState => ({
    ...state,
    status: result.paths.length ? 'found' : 'none',
    message,
    result: result.paths.length ? result : null,
    active: null,
  });

export const pathsFailed =
  (message: string) =>
  (state: PathState): PathState => ({ ...state, status: 'error', message, result: null, active: null });

export const showPath =
  (index: number | null) =>
  (state: PathState): PathState =>
    state.active === index ? state : { ...state, active: index };

/** Forgets the answer (the ends and options stay, to ask again). */
export const clearPaths =
  () =>
  (state: PathState): PathState =>
    state.status === 'idle' ? state : { ...state, status: 'idle', message: null, result: null, active: null };

/** The nodes and edges to emphasise: those of the path shown, or of every path. */
export function pathHighlight(state: PathState): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const paths = state.result?.paths ?? [];
  const shown = state.active === null ? paths : paths.slice(state.active, state.active + 1);
  for (const path of shown) {
    for (const id of path.nodes) nodes.add(id);
    for (const id of path.edges) edges.add(id);
  }
  return { nodes, edges };
}

export interface Hop {
  from: string;
  to: string;
  edge: GraphEdge | null;
  /** The relation points the way the path walks. */
  forward: boolean;
}

/** A path as hops from its start to its end, each with the relation it crosses. */
export function hopsOf(path: { nodes: string[]; edges: string[] }, edges: readonly GraphEdge[]): Hop[] {
  const byId = new Map(edges.map((e) => [e.id, e]));
  return path.edges.map((id, i) => {
    const edge = byId.get(id) ?? null;
    return { from: path.nodes[i], to: path.nodes[i + 1], edge, forward: edge ? edge.source === path.nodes[i] : true };
  });
}

/** What to say when two entities have no path under the options chosen, and what to try instead. */
export function noPathMessage(from: string, to: string, options: PathOptions): string {
  const ways = [
    options.maxHops < MAX_PATH_HOPS ? `more hops (up to ${MAX_PATH_HOPS})` : null,
    options.relTypes.length ? 'every relation type' : null,
    options.throughDocuments ? null : 'paths through documents',
  ].filter((w): w is string => w !== null);
  const through = options.relTypes.length ? ` through ${options.relTypes.map(relationLabel).join(', ')}` : '';
  return `${from} and ${to} are not connected within ${options.maxHops} hop${options.maxHops === 1 ? '' : 's'}${through}.${
    ways.length ? ` Try ${ways.join(', or ')}.` : ''
  }`;
}
