/**
 * Brings what an import changed into the view without losing it: positions, selection, camera, hidden
 * nodes and filters stay. Entities already in view take their new names, relations between them appear or
 * thicken with their new evidence, and a new entity joins only when it is related to something in view
 * (placed next to it, no new layout); the others are offered in the "What changed" panel. A graph that was
 * empty is loaded afresh instead.
 */
import type { ImportChangesResponse } from '../../graph/model/api-types';
import type { DocumentsApp } from './documents-app';
import { newEntityIds } from './changes-view';
import { planImportRefresh } from './documents-refresh';

export interface ShownImport {
  /** New entities added to the view. */
  added: number;
  /** New entities left out of the view, not related to anything in it. */
  offered: number;
}

export async function showImported(
  app: Pick<DocumentsApp, 'api' | 'graph' | 'reflectDocuments'>,
  changes: ImportChangesResponse,
  reload: () => Promise<void>,
): Promise<ShownImport> {
  const fresh = newEntityIds(changes);
  if (app.graph.order === 0) {
    if (fresh.length) await reload();
    return { added: fresh.filter((id) => app.graph.hasNode(id)).length, offered: 0 };
  }
  const patch = await planImportRefresh(app.graph, app.api, changes);
  if (!patch) return { added: 0, offered: 0 };
  const added = app.reflectDocuments(patch);
  return { added, offered: fresh.filter((id) => !app.graph.hasNode(id)).length };
}
