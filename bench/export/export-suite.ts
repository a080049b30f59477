/**
 * Export benchmark: synthetic Dossier-shaped subgraphs (10k and 100k nodes, 2.5x edges, evidence on every
 * edge) written with the pure writers of graph/export/ to GEXF, GraphML, graphology JSON and CSV.
 * Reports the median seconds of several runs and the size of the output. Target: 100k-node GEXF ≤ 3 s.
 */
import { writeCsv, writeGexf, writeGraphml, writeGraphologyJson } from '../../graph/export';
import type Graph from 'graphology';
import { median, mb, round } from '../lib/stats';
import { verdict, type Suite, type SuiteReport } from '../lib/report';
import { syntheticGraph } from '../lib/synthetic-graph';

const WRITERS: Array<[string, (graph: Graph) => string]> = [
  ['GEXF', writeGexf],
  ['GraphML', writeGraphml],
  ['JSON', writeGraphologyJson],
  ['CSV', (graph) => writeCsv(graph)],
];

const GEXF_TARGET_SECONDS = 3;

export const exportSuite: Suite = {
  name: 'export',
  description: 'subgraphs to GEXF, GraphML, JSON and CSV with the writers of graph/export/',
  async run({ runs, log, progress }): Promise<SuiteReport> {
    const sizes = [10_000, 100_000];
    const rows: Array<Array<string | number>> = [];
    const data: Array<Record<string, unknown>> = [];
    const report = (): SuiteReport => ({
      suite: 'export',
      tables: [
        {
          title: 'Export (medians; in process, one thread)',
          columns: ['nodes', 'edges', 'format', 'wall s', 'CPU s', 'MB', 'MB per CPU-s', 'target'],
          rows,
          notes: [
            'Every edge carries 1–3 evidence sentences (about 150 characters each), as imported relations do; CSV is nodes and edges in one file. CPU s (user + system, including garbage collection threads) is the figure checked against the target, since other processes stretch wall time on a shared machine.',
          ],
        },
      ],
      notes: [],
      data,
    });
    for (const nodes of sizes) {
      const graph = syntheticGraph({ nodes, evidence: true, seed: nodes });
      log(`${nodes} nodes, ${graph.size} edges`);
      for (const [format, write] of WRITERS) {
        const seconds: number[] = [];
        const cpuSeconds: number[] = [];
        let bytes = 0;
        write(graph); // warm-up: JIT and the attribute scan
        for (let run = 0; run < runs; run++) {
          const cpu = process.cpuUsage();
          const start = process.hrtime.bigint();
          const body = write(graph);
          seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
          const used = process.cpuUsage(cpu);
          cpuSeconds.push((used.user + used.system) / 1e6);
          bytes = Buffer.byteLength(body);
        }
        const s = median(seconds);
        const cpuS = median(cpuSeconds);
        // CPU seconds (one core's worth) are checked: a shared machine stretches wall time, not CPU time.
        const target =
          format === 'GEXF' && nodes === 100_000
            ? `≤ ${GEXF_TARGET_SECONDS} s: ${verdict(cpuS, GEXF_TARGET_SECONDS, 'atMost')}`
            : '';
        rows.push([
          nodes,
          graph.size,
          format,
          round(s),
          round(cpuS),
          mb(bytes),
          round(bytes / 1024 / 1024 / cpuS),
          target,
        ]);
        data.push({
          nodes,
          edges: graph.size,
          format,
          seconds: s,
          cpuSeconds: cpuS,
          samples: seconds,
          cpuSamples: cpuSeconds,
          bytes,
        });
        log(`${nodes} ${format}: ${s.toFixed(2)} s, ${mb(bytes)} MB`);
        progress(report());
      }
    }
    return report();
  },
};
