/** Web worker: computes the metrics off the main thread and posts them back. */
import { computeMetrics, type MetricsRequest } from './compute-metrics';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event: MessageEvent<{ id: number; request: MetricsRequest }>) => {
  try {
    scope.postMessage({ id: event.data.id, result: computeMetrics(event.data.request) });
  } catch (error) {
    scope.postMessage({ id: event.data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
