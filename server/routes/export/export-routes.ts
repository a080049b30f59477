import { Router } from 'express';
import { z } from 'zod';
import { writeExport } from '../../../graph/export';
import { EXPORT_FORMATS } from '../../../graph/model/api-types';
import { loadSubgraphByIds, loadSubgraphByQuery } from '../../../graph/neo4j/export-graph';
import type { AppDeps } from '../../app';
import { parseWith } from '../../http/validate';
import { nodeIdParam, userCypherParam } from '../shared-params';

const exportBody = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    nodeIds: z.array(nodeIdParam).min(1, 'must name at least one node').max(100_000).optional(),
    query: userCypherParam('is required (a Cypher query)').optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    part: z.enum(['nodes', 'edges', 'both']).optional(),
  })
  .refine((body) => (body.nodeIds === undefined) !== (body.query === undefined), {
    message: 'give exactly one of nodeIds or query',
    path: ['nodeIds'],
  });

const exportQuery = z.object({ part: z.enum(['nodes', 'edges', 'both']).optional() });

/**
 * POST /api/export {format, nodeIds | query}: a download. `nodeIds` exports those nodes and every
 * relationship among them; `query` exports the graph a read-only query returns (same guard as /cypher).
 * CSV: `part` (body or `?part=`) picks nodes, edges, or both tables in one file (the default).
 */
export function exportRoutes({ connection, config, onRunawayQuery }: AppDeps): Router {
  const router = Router();
  router.post('/export', async (req, res) => {
    const body = parseWith(exportBody, req.body ?? {});
    const { part } = parseWith(exportQuery, req.query);
    const { graph, truncated, truncatedReason } = body.nodeIds
      ? {
          graph: await loadSubgraphByIds(connection, [...new Set(body.nodeIds)]),
          truncated: false,
          truncatedReason: undefined,
        }
      : await loadSubgraphByQuery(connection, body.query!, body.params, {
          ...config.cypher,
          onRunaway: onRunawayQuery,
        });
    const csvPart = part ?? body.part ?? 'both';
    const file = writeExport(graph, body.format, { csvPart });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const suffix = body.format === 'csv' && csvPart !== 'both' ? `-${csvPart}` : '';
    res
      .status(200)
      .attachment(`dossier-${stamp}${suffix}.${file.extension}`)
      .type(file.contentType)
      .set('X-Dossier-Nodes', String(graph.order))
      .set('X-Dossier-Edges', String(graph.size))
      .set('X-Dossier-Truncated', String(truncated))
      .set('X-Dossier-Truncated-Reason', truncatedReason ?? '')
      .send(file.body);
  });
  return router;
}
