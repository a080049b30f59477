/**
 * Export benchmark: synthetic Dossier-shaped subgraphs (10k and 100k nodes, 2.5x edges, evidence on every
 * edge, every node placed, coloured and sized as the explorer sends it) streamed by the writers of
 * graph/export/ to GEXF, GraphML, graphology JSON and the CSV zip, into a stream that counts the bytes and
 * drops them. Reports median wall and CPU seconds, the output's size and the process's resident memory
 * while writing (its growth over what the graph itself holds: flat when the writer streams), and
 * graphology-gexf's own writer on the same graph, for reference. Target: 100k-node GEXF ≤ 1.5 CPU-s and
 * not slower than graphology-gexf.
 */
import { write as graphologyGexf } from 'graphology-gexf';
import type Graph from 'graphology';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writeExport } from '../../graph/export';
import type { ExportFormat } from '../../graph/model/api-types';
import { median, mb, round } from '../lib/stats';
import { verdict, type Suite, type SuiteReport } from '../lib/report';
import { syntheticGraph } from '../lib/synthetic-graph';

const FORMATS: Array<[string, ExportFormat]> = [
  ['GEXF', 'gexf'],
  ['GraphML', 'graphml'],
  ['JSON', 'json'],
  ['CSV (zip)', 'csv'],
];

const GEXF_TARGET_CPU_SECONDS = 1.5;

// A full collection before each run, so that what a run holds is not hidden in what the last one left.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Live memory: the heap and what buffers hold outside it. */
const live = () => {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};

/** Counts what it is given, keeps nothing, and samples memory at every chunk. */
class CountingSink extends Writable {
  bytes = 0;
  peakRss = 0;
  peakLive = 0;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.bytes += chunk.length;
    const memory = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, memory.rss);
    this.peakLive = Math.max(this.peakLive, memory.heapUsed + memory.external);
    callback();
  }
}

interface Sample {
  seconds: number;
  cpuSeconds: number;
  bytes: number;
  peakRss: number; // the process's resident memory at its highest while writing
  liveGrowth: number; // heap and buffers at their highest while writing, above what they held before
}

async function measure(write: (sink: CountingSink) => Promise<void>): Promise<Sample> {
  collectGarbage();
  const liveBefore = live();
  const sink = new CountingSink();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await write(sink);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return {
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    bytes: sink.bytes,
    peakRss: Math.max(sink.peakRss, process.memoryUsage.rss()),
    liveGrowth: Math.max(sink.peakLive, live()) - liveBefore,
  };
}

async function samples(runs: number, write: (sink: CountingSink) => Promise<void>): Promise<Sample[]> {
  await measure(write); // warm-up: JIT and the attribute scan
  const out: Sample[] = [];
  for (let run = 0; run < runs; run++) out.push(await measure(write));
  return out;
}

export const exportSuite: Suite = {
  name: 'export',
  description: 'subgraphs streamed to GEXF, GraphML, JSON and a CSV zip by graph/export/, against graphology-gexf',
  async run({ runs, log, progress }): Promise<SuiteReport> {
    const sizes = [10_000, 100_000];
    const rows: Array<Array<string | number>> = [];
    const data: Array<Record<string, unknown>> = [];
    const report = (): SuiteReport => ({
      suite: 'export',
      tables: [
        {
          title: 'Export, streamed (medians; in process, one thread)',
          columns: [
            'nodes',
            'edges',
            'format',
            'wall s',
            'CPU s',
            'MB',
            'MB per CPU-s',
            'peak RSS MB',
            'heap growth MB',
            'ratio to graphology-gexf (CPU)',
            'target',
          ],
          rows,
          notes: [
            'Every edge carries 1–3 evidence sentences (about 150 characters each), as imported relations do; every node has a position, a colour and a size (GEXF `viz:` elements). Output goes to a stream that counts bytes and keeps nothing, as an HTTP response does once sent. Memory is sampled at every chunk, after a full garbage collection before each run: peak RSS is the resident memory of the process at its highest (the graph itself included, about the same for every row of a size), heap growth the highest heap and buffer memory above what the process held before the run (flat when the writer streams); the largest over the runs. CPU s (user + system, including garbage collection threads) is the figure checked against the target, since other processes stretch wall time on a shared machine. graphology-gexf: its `write`, which builds the document as one string, on the same graph.',
          ],
        },
      ],
      notes: [],
      data,
    });
    for (const nodes of sizes) {
      const graph: Graph = syntheticGraph({ nodes, evidence: true, layout: true, seed: nodes });
      log(`${nodes} nodes, ${graph.size} edges`);
      // Dossier's writers first: graphology-gexf's 200 MB string would leave the heap large for whatever came next.
      const measured = new Map<ExportFormat, Sample[]>();
      for (const [label, format] of FORMATS) {
        measured.set(format, await samples(runs, (sink) => writeExport(graph, format, sink)));
        log(`${nodes} ${label}: ${median(measured.get(format)!.map((s) => s.cpuSeconds)).toFixed(2)} CPU-s`);
      }
      const reference = await samples(runs, async (sink) => {
        sink.write(graphologyGexf(graph));
      });
      const referenceCpu = median(reference.map((s) => s.cpuSeconds));
      for (const [label, format] of FORMATS) {
        const runsOf = measured.get(format)!;
        const cpuS = median(runsOf.map((s) => s.cpuSeconds));
        const bytes = runsOf[runsOf.length - 1].bytes;
        const growth = Math.max(...runsOf.map((s) => s.liveGrowth));
        const peakRss = Math.max(...runsOf.map((s) => s.peakRss));
        const gexf = format === 'gexf';
        // CPU seconds (one core's worth) are checked: a shared machine stretches wall time, not CPU time.
        const target =
          gexf && nodes === 100_000
            ? `≤ ${GEXF_TARGET_CPU_SECONDS} CPU-s: ${verdict(cpuS, GEXF_TARGET_CPU_SECONDS, 'atMost')}; ≤ graphology-gexf: ${verdict(cpuS / referenceCpu, 1, 'atMost')}`
            : '';
        rows.push([
          nodes,
          graph.size,
          label,
          round(median(runsOf.map((s) => s.seconds))),
          round(cpuS),
          mb(bytes),
          round(bytes / 1024 / 1024 / cpuS),
          mb(peakRss),
          mb(growth),
          gexf ? round(cpuS / referenceCpu) : '',
          target,
        ]);
        data.push({
          nodes,
          edges: graph.size,
          format,
          cpuSeconds: cpuS,
          bytes,
          peakRss,
          liveGrowth: growth,
          samples: runsOf,
        });
      }
      rows.push([
        nodes,
        graph.size,
        'GEXF, graphology-gexf (ref.)',
        round(median(reference.map((s) => s.seconds))),
        round(referenceCpu),
        mb(reference[reference.length - 1].bytes),
        round(reference[reference.length - 1].bytes / 1024 / 1024 / referenceCpu),
        mb(Math.max(...reference.map((s) => s.peakRss))),
        mb(Math.max(...reference.map((s) => s.liveGrowth))),
        1,
        '',
      ]);
      data.push({ nodes, edges: graph.size, format: 'graphology-gexf', cpuSeconds: referenceCpu, samples: reference });
      progress(report());
    }
    return report();
  },
};
