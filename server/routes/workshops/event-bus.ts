/**
 * The in-process event bus that feeds each workshop's server-sent events. One server process is
 * assumed: events published here reach the clients connected to this process only (several processes
 * would need a shared broker, e.g. Redis pub/sub, in place of this class).
 *
 * The last events are kept so that a client that reconnects (EventSource sends `Last-Event-ID`) gets
 * what it missed; when it missed more than is kept, or the server restarted, it is told to resync.
 */
import { randomBytes } from 'node:crypto';
import type { PresenterPosition, WorkshopEvent, WorkshopEventType } from '../../../graph/workshop/types';

export type { PresenterPosition, WorkshopEvent, WorkshopEventType };

type Listener = (event: WorkshopEvent) => void;

const KEPT_EVENTS = 500;

/** Curations change the shared graph: every workshop hears of them. */
export function isShared(type: WorkshopEventType): boolean {
  return type === 'curation-applied' || type === 'curation-undone';
}

export class WorkshopEventBus {
  /** Tells this process's event ids from a previous one's: SSE ids are `<bootId>.<n>`. */
  readonly bootId = randomBytes(4).toString('hex');
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly presenters = new Map<string, PresenterPosition>();
  private readonly recent: WorkshopEvent[] = [];
  private readonly streams = new Map<string, Set<() => void>>();
  private nextId = 1;

  subscribe(workshopId: string, listener: Listener): () => void {
    let set = this.listeners.get(workshopId);
    if (!set) this.listeners.set(workshopId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(workshopId);
    };
  }

  publish(workshopId: string, type: WorkshopEventType, data: unknown, by: WorkshopEvent['by']): WorkshopEvent {
    const event: WorkshopEvent = { id: this.nextId++, type, workshopId, at: new Date().toISOString(), by, data };
    if (type === 'presenter-moved') this.presenters.set(workshopId, data as PresenterPosition);
    this.recent.push(event);
    if (this.recent.length > KEPT_EVENTS) this.recent.shift();
    const targets = isShared(type)
      ? [...this.listeners.values()]
      : [this.listeners.get(workshopId) ?? new Set<Listener>()];
    for (const set of targets) {
      for (const listener of [...set]) {
        try {
          listener(event);
        } catch {
          // A stream that broke is cleaned up when its connection closes; the others still get the event.
        }
      }
    }
    return event;
  }

  /** Registers how to end a participant's open streams (when they leave or are removed). */
  trackStream(participantId: string, end: () => void): () => void {
    let set = this.streams.get(participantId);
    if (!set) this.streams.set(participantId, (set = new Set()));
    set.add(end);
    return () => {
      set.delete(end);
      if (set.size === 0) this.streams.delete(participantId);
    };
  }

  endStreams(participantId: string): void {
    for (const end of [...(this.streams.get(participantId) ?? [])]) end();
  }

  sseId(event: WorkshopEvent): string {
    return `${this.bootId}.${event.id}`;
  }

  /**
   * The workshop's events after the one a reconnecting client saw last, or null when they cannot all be
   * given (another server process, or older than what is kept): the client must then reload its lists.
   */
  since(workshopId: string, lastEventId: string): WorkshopEvent[] | null {
    const match = /^([0-9a-f]+)\.(\d+)$/.exec(lastEventId.trim());
    if (!match || match[1] !== this.bootId) return null;
    const last = Number(match[2]);
    const oldest = this.recent[0]?.id ?? this.nextId;
    if (last < oldest - 1) return null;
    return this.recent.filter((event) => event.id > last && (event.workshopId === workshopId || isShared(event.type)));
  }

  /** Where the presenter last was, so a follower who connects late can jump there. */
  presenter(workshopId: string): PresenterPosition | null {
    return this.presenters.get(workshopId) ?? null;
  }

  listenerCount(workshopId: string): number {
    return this.listeners.get(workshopId)?.size ?? 0;
  }
}
