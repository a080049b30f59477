/**
 * The graph both render pages draw, as served to them: entities with positions and relations. The bare
 * page turns it into sigma attributes itself; the app gets it as an API `Subgraph`, then the same positions.
 */
export interface BenchGraph {
  nodes: Array<{ id: string; type: string; name: string; x: number; y: number }>;
  edges: Array<{ id: string; source: string; target: string; type: string }>;
}

export const TYPE_COLORS: Record<string, string> = {
  Person: '#4e79a7',
  State: '#e15759',
  Organization: '#59a14f',
  Place: '#edc948',
  Treaty: '#b07aa1',
  Event: '#f28e2b',
};
