/** The workshop's event stream: parses each frame and hands its `data` to the listener for its type. */
import type { WorkshopEvent, WorkshopEventType } from '../../graph/workshop/types';

export type LiveHandlers = Partial<Record<WorkshopEventType | 'ready' | 'resync', (data: unknown) => void>>;

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
      // `ready` carries its payload directly; the other events wrap it in a WorkshopEvent.
      const isEvent = type !== 'ready' && type !== 'resync' && parsed && typeof parsed === 'object' && 'data' in parsed;
      handler(isEvent ? (parsed as WorkshopEvent).data : parsed);
    });
  }
  return { close: () => source.close() };
}
