/** Web worker: runs computeLayout off the main thread and posts the positions back. */
import { computeLayout, type LayoutRequest } from './compute-layout';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  try {
    scope.postMessage({ id: event.data.id, positions: computeLayout(event.data.request) });
  } catch (error) {
    scope.postMessage({ id: event.data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
