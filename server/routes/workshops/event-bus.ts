/**
 * The in-process event bus that feeds each workshop's server-sent events. One server process is
 * assumed: events published here reach the clients connected to this process only (several processes
 * would need a shared broker, e.g. Redis pub/sub, in place of this class).
 */
import type { PresenterPosition, WorkshopEvent, WorkshopEventType } from '../../../graph/workshop/types';

export type { PresenterPosition, WorkshopEvent, WorkshopEventType };

type Listener = (event: WorkshopEvent) => void;

export class WorkshopEventBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly presenters = new Map<string, PresenterPosition>();
  private nextId = 1;

  /** Listens to one workshop; curations (which change the shared graph) reach every workshop. */
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
    const shared = type === 'curation-applied' || type === 'curation-undone';
    const targets = shared ? [...this.listeners.values()] : [this.listeners.get(workshopId) ?? new Set<Listener>()];
    for (const set of targets) for (const listener of [...set]) listener(event);
    return event;
  }

  /** Where the presenter last was, so a follower who connects late can jump there. */
  presenter(workshopId: string): PresenterPosition | null {
    return this.presenters.get(workshopId) ?? null;
  }

  listenerCount(workshopId: string): number {
    return this.listeners.get(workshopId)?.size ?? 0;
  }
}
