/** The workshop's event stream: parses each frame and hands its `data` to the listener for its type. */
import type { WorkshopEvent } from '../../graph/workshop/types';
import type { WorkshopSignal } from './workshop-context';

export type LiveHandlers = Partial<Record<WorkshopSignal, (data: unknown) => void>>;

/** The frames that carry their payload directly; the workshop's events wrap theirs in a WorkshopEvent. */
const UNWRAPPED = new Set<string>(['ready', 'resync', 'documents']);

export interface LiveConnection {
  close(): void;
}

export function connectLive(url: string, handlers: LiveHandlers): LiveConnection {
  const source = new EventSource(url);
  for (const [type, handler] of Object.entries(handlers)) {
    source.addEventListener(type, (event) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse((event as MessageEvent<string>).data);
      } catch {
        return;
      }
      const isEvent = !UNWRAPPED.has(type) && parsed && typeof parsed === 'object' && 'data' in parsed;
      handler(isEvent ? (parsed as WorkshopEvent).data : parsed);
    });
  }
  return { close: () => source.close() };
}
