import { Router } from 'express';
import { z } from 'zod';
import { applyView, exportFileType, StreamClosedError, writeExport } from '../../../graph/export';
import { EXPORT_FORMATS } from '../../../graph/model/api-types';
import { loadSubgraphByIds, loadSubgraphByQuery } from '../../../graph/neo4j/export-graph';
import type { AppDeps } from '../../app-deps';
import { parseWith } from '../../http/validate';
import { nodeIdParam, userCypherParam } from '../shared-params';

const MAX_NODES = 100_000;
const coordinate = z.number().finite().min(-1e9).max(1e9);

/** How the explorer drew a node: position, colour (`#rrggbb` or `rgb(…)`), size. */
const nodeView = z.object({
  x: coordinate,
  y: coordinate,
  color: z
    .string()
    .regex(
      /^(#[0-9a-fA-F]{3,8}|rgba?\([\d\s.,]+\))$/,
      'must be a colour as #rrggbb, #rgb, rgb(r, g, b) or rgba(r, g, b, a)',
    )
    .optional(),
  size: z.number().finite().positive().max(1e6).optional(),
});

const exportBody = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    nodeIds: z.array(nodeIdParam).min(1, 'must name at least one node').max(MAX_NODES).optional(),
    query: userCypherParam('is required (a Cypher query)').optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    part: z.enum(['nodes', 'edges', 'both']).optional(),
    view: z
      .record(nodeIdParam, nodeView)
      .refine((view) => Object.keys(view).length <= MAX_NODES, `may describe at most ${MAX_NODES} nodes`)
      .optional(),
  })
  .refine((body) => (body.nodeIds === undefined) !== (body.query === undefined), {
    message: 'give exactly one of nodeIds or query',
    path: ['nodeIds'],
  });

const exportQuery = z.object({ part: z.enum(['nodes', 'edges', 'both']).optional() });

/**
 * POST /api/export {format, nodeIds | query, view?}: a download, streamed as it is written. `nodeIds`
 * exports those nodes and every relationship among them; `query` exports the graph a read-only query
 * returns (same guard as /cypher). `view` gives nodes their position, colour and size as drawn (GEXF
 * `viz:`, attributes elsewhere). CSV: both tables as a zip of nodes.csv and edges.csv (the default), or one
 * of them with `part` (body or `?part=`).
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
    if (body.view) applyView(graph, body.view);
    const csvPart = part ?? body.part ?? 'both';
    const file = exportFileType(body.format, csvPart);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const suffix = body.format === 'csv' && csvPart !== 'both' ? `-${csvPart}` : '';
    res
      .status(200)
      .attachment(`dossier-${stamp}${suffix}.${file.extension}`)
      .type(file.contentType)
      .set('X-Dossier-Nodes', String(graph.order))
      .set('X-Dossier-Edges', String(graph.size))
      .set('X-Dossier-Truncated', String(truncated))
      .set('X-Dossier-Truncated-Reason', truncatedReason ?? '');
    try {
      await writeExport(graph, body.format, res, { csvPart });
      res.end();
    } catch (error) {
      // Once the first chunk is out the status cannot change: a client that went away ends the writing,
      // anything else cuts the download short so that it cannot pass for a whole file.
      if (!(error instanceof StreamClosedError)) res.destroy(error as Error);
    }
  });
  return router;
}
