/** Runs computeMetrics in its worker; a newer request makes the answer to an older one be dropped. */
import type { MetricsRequest, MetricsResult } from './compute-metrics';
import MetricsWorker from './metrics-worker?worker';

export interface MetricsRunner {
  compute(request: MetricsRequest): Promise<MetricsResult | null>; // null: superseded by a newer request
  kill(): void;
}

export function createMetricsRunner(): MetricsRunner {
  const worker = new MetricsWorker({ name: 'dossier-metrics' });
  let latest = 0;
  const pending = new Map<number, { resolve: (r: MetricsResult | null) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<{ id: number; result?: MetricsResult; error?: string }>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if (event.data.error) job.reject(new Error(`The metrics could not be computed: ${event.data.error}`));
    else job.resolve(event.data.id === latest ? (event.data.result ?? null) : null);
  };
  return {
    compute(request) {
      const id = ++latest;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request });
      });
    },
    kill: () => worker.terminate(),
  };
}
