/**
 * The "What changed" section of the side panel: for one import (a job's documents, or one document from
 * the documents list) the new entities, the new relations, the relations that gained evidence and the
 * entities that gained names, each a button that shows it in the graph, and "Show all new" that adds every
 * new entity with its relations to the view and selects them. What a later removal or a curation took away
 * is listed, greyed, with the reason.
 */
import type { ChangedEntity, ChangedRelation, ImportChangesResponse } from '../../graph/model/api-types';
import { plainMessage } from '../api/api-error';
import { relationLabel } from '../appearance/node-style';
import { button, el } from '../ui/dom';
import { changesSummary, changesTitle, isEmpty, newEntityIds } from './changes-view';
import type { DocumentsApp } from './documents-app';

const GONE = 'No longer in the graph: removed with a document or merged by a curation since.';
/** Items listed per group; the rest are counted, and "Show all new" still shows every new one. */
const MAX_LISTED = 200;

type ChangesApp = Pick<
  DocumentsApp,
  'api' | 'graph' | 'graphView' | 'notify' | 'select' | 'focusNode' | 'loadNodes' | 'applySubgraph' | 'selectNodes'
>;

export interface ChangesPanel {
  element: HTMLElement;
  show(changes: ImportChangesResponse): void;
  close(): void;
}

export function createChangesPanel(app: ChangesApp): ChangesPanel {
  const element = el('section', { className: 'changes-panel', attrs: { 'aria-label': 'What changed' } });
  element.hidden = true;

  async function showRelation(relation: ChangedRelation): Promise<void> {
    try {
      await app.loadNodes([relation.source.id, relation.target.id]);
      if (!app.graph.hasEdge(relation.id)) return app.notify(GONE, 'error');
      app.select({ kind: 'edge', id: relation.id });
      app.graphView.focus(relation.source.id);
    } catch (error) {
      app.notify(plainMessage(error), 'error');
    }
  }

  async function showAllNew(changes: ImportChangesResponse): Promise<void> {
    const ids = newEntityIds(changes);
    if (!ids.length) return app.notify('Nothing the import added is still in the graph.');
    try {
      const subgraph = await app.api.subgraph(ids, app.graph.nodes());
      await app.applySubgraph(subgraph, 'add', `Show what ${changesTitle(changes)} added`);
      app.selectNodes(ids);
      await app.graphView.fit();
    } catch (error) {
      app.notify(plainMessage(error), 'error');
    }
  }

  const entityItem = (entity: ChangedEntity, extra?: string) =>
    el('li', { className: entity.inGraph ? '' : 'gone' }, [
      button(entity.name, () => void app.focusNode(entity.id), {
        className: 'link change-item',
        title: entity.inGraph ? `Show ${entity.name} (${entity.type}) in the graph` : GONE,
        dataset: { entityId: entity.id },
        ...(entity.inGraph ? {} : { attrs: { disabled: '' } }),
      }),
      el('span', { className: 'hint small', text: extra ?? entity.type }),
    ]);

  const relationItem = (relation: ChangedRelation, extra?: string) =>
    el('li', { className: relation.inGraph ? '' : 'gone' }, [
      button(
        `${relation.source.name} — ${relationLabel(relation.type)} — ${relation.target.name}`,
        () => void showRelation(relation),
        {
          className: 'link change-item',
          title: relation.inGraph ? 'Show this relation in the graph' : GONE,
          dataset: { relationId: relation.id },
          ...(relation.inGraph ? {} : { attrs: { disabled: '' } }),
        },
      ),
      extra ? el('span', { className: 'hint small', text: extra }) : null,
    ]);

  function group<T>(title: string, kind: string, items: T[], render: (item: T) => HTMLElement): HTMLElement | null {
    if (!items.length) return null;
    return el('div', { className: 'changes-group', dataset: { kind } }, [
      el('h3', { text: `${title} (${items.length})` }),
      el('ul', { className: 'changes-list' }, items.slice(0, MAX_LISTED).map(render)),
      items.length > MAX_LISTED
        ? el('p', { className: 'hint small', text: `and ${items.length - MAX_LISTED} more` })
        : null,
    ]);
  }

  function show(changes: ImportChangesResponse): void {
    const first = changes.imports[0];
    const replaced = changes.imports.reduce((n, i) => n + i.replacedDocumentIds.length, 0);
    const parts: Array<HTMLElement | null> = [
      el('div', { className: 'changes-head' }, [
        el('h2', { text: 'What changed' }),
        button('Close', () => close(), { className: 'link', attrs: { 'aria-label': 'Close What changed' } }),
      ]),
      el('p', { className: 'changes-title', text: changesTitle(changes) }),
      first
        ? el('p', {
            className: 'hint small',
            text: `Imported by ${first.by.name}, ${new Date(first.at).toLocaleString()}${
              replaced ? `; replaced ${replaced === 1 ? 'an earlier version' : `${replaced} earlier versions`}` : ''
            }.`,
          })
        : null,
      el('p', { className: 'changes-summary', text: `${changesSummary(changes)}.` }),
      isEmpty(changes)
        ? null
        : button('Show all new', () => void showAllNew(changes), {
            className: 'primary show-all-new',
            title: 'Add every new entity and its relations to the view, and select them',
          }),
      group('New entities', 'new-entities', changes.newEntities, (e) => entityItem(e)),
      group('New relations', 'new-relations', changes.newRelations, (r) => relationItem(r)),
      group('Relations with more evidence', 'gained-evidence', changes.gainedEvidence, (r) =>
        relationItem(r, `+${r.added} sentence${r.added === 1 ? '' : 's'}`),
      ),
      group('Entities with new names', 'gained-aliases', changes.gainedAliases, (e) =>
        entityItem(e, e.aliases.join(', ')),
      ),
    ];
    element.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
    element.hidden = false;
    element.scrollIntoView?.({ block: 'nearest' });
  }

  function close(): void {
    element.hidden = true;
  }

  return { element, show, close };
}
