/**
 * Two timelines of the events in view: when each happened (its date, read from the text) and when it was
 * reported (the published dates of the documents that mention it), over one axis, with the lag between
 * the two; and which nodes a date range in either lane keeps. Pure and DOM-free.
 */
import type { GraphNode } from '../../graph/model/api-types';
import { DATE_LANES, dateHistogram, dateInRange, eventDate, type DateLane, type DateRange } from '../filters/filters';

export { DATE_LANES, type DateLane };

export const LANE_WORDS: Record<DateLane, string> = { happened: 'Happened', reported: 'Reported' };

const DATE_PATTERN = /^\d{4}(?:-\d{2}){0,2}$/;

/** The dates a node was reported: its documents' published dates, or a document's own. */
export function reportedDates(node: GraphNode): string[] {
  if (node.type === 'Document') {
    const published = node.attributes.published;
    const match = typeof published === 'string' ? /^\d{4}(?:-\d{2}){0,2}/.exec(published) : null;
    return match ? [match[0]] : [];
  }
  return (node.reported ?? []).filter((d) => DATE_PATTERN.test(d)).sort();
}

/** The node's own dates in a lane: an event's date when it happened; anything's reported dates. */
export function laneDates(node: GraphNode, lane: DateLane): string[] {
  if (lane === 'reported') return reportedDates(node);
  const date = eventDate(node);
  return date ? [date] : [];
}

/** A partial date as the UTC time of its first day ("2024-06" is 1 June 2024). */
function dayStart(date: string): number {
  const [y, m = '01', d = '01'] = date.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

const DAY_MS = 86_400_000;

/**
 * Days from when an event happened to its first report, on the precision both dates have ("2024" and
 * "2024-06-19" compare as years: 0). Negative when it was announced before it happened; null when either
 * date is missing.
 */
export function reportLagDays(node: GraphNode): number | null {
  const happened = eventDate(node);
  const first = reportedDates(node)[0];
  if (!happened || !first) return null;
  const precision = Math.min(happened.length, first.length);
  return Math.round((dayStart(first.slice(0, precision)) - dayStart(happened.slice(0, precision))) / DAY_MS);
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

export interface LaneHistogram {
  unit: 'year' | 'month';
  keys: string[];
  /** Events per bin: one per event in `happened`; in `reported`, one per event reported in that bin. */
  counts: Record<DateLane, number[]>;
}

/** Both lanes binned over the same axis (per year, or per month over a short span). */
export function laneHistogram(events: GraphNode[]): LaneHistogram {
  const dates = events.flatMap((e) => [...laneDates(e, 'happened'), ...laneDates(e, 'reported')]);
  const { unit, bins } = dateHistogram(dates);
  const keys = bins.map((b) => b.key);
  const index = new Map(keys.map((k, i) => [k, i]));
  const keyOf = (date: string) =>
    unit === 'year' ? date.slice(0, 4) : date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-01`;
  const counts: Record<DateLane, number[]> = { happened: keys.map(() => 0), reported: keys.map(() => 0) };
  for (const event of events) {
    for (const lane of DATE_LANES) {
      for (const key of new Set(laneDates(event, lane).map(keyOf))) {
        const i = index.get(key);
        if (i !== undefined) counts[lane][i]++;
      }
    }
  }
  return { unit, keys, counts };
}

/** The part of a graph the time filter reads: each node's data and who it is linked to. */
export interface TimeGraph {
  forEachNode(callback: (id: string, attributes: { data: GraphNode }) => void): void;
  forEachNeighbor(id: string, callback: (neighbour: string) => void): void;
}

export interface TimeFilterResult {
  /** Nodes the range leaves out: events (and others with dates) outside it, the undated, the unlinked. */
  out: Set<string>;
  /** Events kept, events outside the range, and events without a date in the lane (listed apart). */
  eventsKept: string[];
  eventsOutside: string[];
  undatedEvents: string[];
}

/**
 * Which nodes a date range in a lane keeps. An event stays when one of its dates in the lane falls in the
 * range; an event without a date in the lane does not (the panel lists it apart). Any other node with
 * dates of its own in the lane (reported entities, documents) is judged by them the same way; a node
 * with none (an actor in the "happened" lane) stays when it is linked to a kept event, so picking a year
 * shows what happened then and who took part. `among` limits the judgement to nodes the other filters
 * leave; the rest are not counted.
 */
export function applyTimeFilter(
  graph: TimeGraph,
  range: DateRange,
  lane: DateLane,
  among: (id: string) => boolean = () => true,
): TimeFilterResult {
  const keptEvents = new Set<string>();
  const undecided: string[] = [];
  const result: TimeFilterResult = { out: new Set(), eventsKept: [], eventsOutside: [], undatedEvents: [] };
  graph.forEachNode((id, { data }) => {
    if (!among(id)) return;
    const dates = laneDates(data, lane);
    const isEvent = data.type === 'Event';
    if (!dates.length) {
      if (isEvent) {
        result.undatedEvents.push(id);
        result.out.add(id);
      } else undecided.push(id);
      return;
    }
    if (dates.some((d) => dateInRange(d, range))) {
      if (isEvent) {
        keptEvents.add(id);
        result.eventsKept.push(id);
      }
    } else {
      result.out.add(id);
      if (isEvent) result.eventsOutside.push(id);
    }
  });
  for (const id of undecided) {
    let linked = false;
    graph.forEachNeighbor(id, (neighbour) => {
      if (keptEvents.has(neighbour)) linked = true;
    });
    if (!linked) result.out.add(id);
  }
  for (const list of [result.eventsKept, result.eventsOutside, result.undatedEvents]) list.sort();
  return result;
}
