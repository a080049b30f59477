/** The explorer's current view as a picture (what a link and a saved view hold), and opening a saved view. */
import type { SavedView } from '../../graph/workshop/types';
import type { DossierApp } from '../app';
import type { ViewGraphReader } from '../graph/view-graph';
import type { ViewPicture } from '../state/view-picture';
import { pictureOfSavedView, restoreMessage, viewBodyOf } from './saved-view-format';
import type { ViewBody } from './workshop-api';

type ViewReader = Pick<DossierApp, 'view' | 'filters' | 'appearance' | 'graphView'> & { graph: ViewGraphReader };

function currentPicture(app: ViewReader): ViewPicture {
  const nodeIds = app.graph.nodes();
  const positions: Record<string, { x: number; y: number }> = {};
  for (const id of nodeIds) {
    const { x, y } = app.graph.getNodeAttributes(id);
    positions[id] = { x, y };
  }
  const { x, y, ratio, angle } = app.graphView.sigma.getCamera().getState();
  const { hidden, selection, selectedNodes } = app.view.get();
  return {
    nodeIds,
    positions,
    hidden,
    selection,
    selectedNodes,
    filters: app.filters.get(),
    appearance: app.appearance.get(),
    camera: { x, y, ratio, angle },
  };
}

export function captureView(app: ViewReader, name: string): ViewBody {
  return viewBodyOf(currentPicture(app), name);
}

/**
 * Replaces the view by a saved one, as one undoable step, and says what could not be restored.
 * `selection` (a presenter's) replaces the view's own.
 */
export async function openSavedView(
  app: Pick<DossierApp, 'openView' | 'notify'>,
  view: SavedView,
  options: { label?: string; selection?: string[] } = {},
): Promise<void> {
  const { picture, problems } = pictureOfSavedView(view);
  const presented = options.selection;
  const opened = await app.openView(
    presented
      ? {
          ...picture,
          selection: presented.length ? { kind: 'node', id: presented[0] } : null,
          selectedNodes: presented,
        }
      : picture,
    { label: options.label ?? `Open view "${view.name}"` },
  );
  const message = restoreMessage(view.name, problems, opened.missing.length);
  if (message) app.notify(message, 'info');
}
