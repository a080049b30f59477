/** graphology's own serialisation (`graph.export()`), which `graph.import()` reads back as is. */
import type Graph from 'graphology';

export function writeGraphologyJson(graph: Graph): string {
  return JSON.stringify(graph.export());
}
