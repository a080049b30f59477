/**
 * What the documents modules use of the explorer: the view to read (the graph read-only) and the actions
 * that change it. The history, the layout and the graph's writers stay app.ts's.
 */
import type { DossierApp } from '../app';
import type { ViewGraphReader } from '../graph/view-graph';

export type DocumentsApp = Pick<
  DossierApp,
  | 'api'
  | 'ui'
  | 'graphView'
  | 'notify'
  | 'select'
  | 'selectNodes'
  | 'focusNode'
  | 'loadNodes'
  | 'openReader'
  | 'applySubgraph'
  | 'reflectDocuments'
> & { graph: ViewGraphReader };
