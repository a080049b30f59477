/**
 * The Paths section of the side panel: two entity fields, the options (hops, relation types, through
 * documents), and the answer hop by hop, each hop with the sentence that supports it. The paths are
 * added to the view by `app.findPaths` (undoable) and emphasised by the reducers.
 */
import type { EdgeDetails, PathsResponse } from '../../graph/model/api-types';
import { RELATION_TYPES } from '../../graph/model/types';
import type { DossierApp } from '../app';
import { plainMessage } from '../api/api-error';
import { relationLabel } from '../appearance/node-style';
import { button, clear, el } from '../ui/dom';
import { createEntityField } from '../ui/entity-field';
import {
  MAX_PATH_HOPS,
  clearPaths,
  hopsOf,
  setPathEnd,
  setPathOptions,
  showPath,
  type Hop,
  type PathEnd,
} from './path-state';

const MAX_PATHS_LISTED = 10;

export interface PathPanel {
  element: HTMLElement;
  open(): void;
  close(): void;
  toggle(): void;
  /** Sets one end (from the context menu) and opens the panel; with both ends set, the paths are found. */
  setEnd(which: 'from' | 'to', end: PathEnd): void;
}

type PathApp = Pick<DossierApp, 'api' | 'graph' | 'paths' | 'findPaths' | 'select' | 'focusNode' | 'openReader'>;

export function createPathPanel(app: PathApp): PathPanel {
  const from = createEntityField(app, 'Path from', (end) => app.paths.update(setPathEnd('from', end)));
  const to = createEntityField(app, 'Path to', (end) => app.paths.update(setPathEnd('to', end)));
  const hops = el('select', { attrs: { 'aria-label': 'At most this many hops' } });
  for (let n = 1; n <= MAX_PATH_HOPS; n++) {
    const o = el('option', { text: String(n) });
    o.value = String(n);
    hops.append(o);
  }
  hops.addEventListener('change', () => app.paths.update(setPathOptions({ maxHops: Number(hops.value) })));
  const documents = el('input', { attrs: { type: 'checkbox', 'aria-label': 'Also through documents' } });
  documents.addEventListener('change', () => app.paths.update(setPathOptions({ throughDocuments: documents.checked })));
  const typeBoxes = RELATION_TYPES.map((type) => {
    const box = el('input', { attrs: { type: 'checkbox', 'aria-label': `Follow ${relationLabel(type)}` } });
    box.value = type;
    box.addEventListener('change', () =>
      app.paths.update(setPathOptions({ relTypes: typeBoxes.filter((b) => b.checked).map((b) => b.value) })),
    );
    return box;
  });
  const typesSummary = el('summary');
  const results = el('div', { className: 'path-results', attrs: { 'aria-live': 'polite' } });
  const find = button('Find paths', () => void app.findPaths(), { className: 'primary' });
  const swap = button(
    '⇅',
    () => {
      const { from: a, to: b } = app.paths.get();
      app.paths.update(setPathEnd('from', b));
      app.paths.update(setPathEnd('to', a));
    },
    { title: 'Swap the ends', attrs: { 'aria-label': 'Swap the ends' } },
  );

  const element = el('section', { className: 'paths-panel', attrs: { 'aria-label': 'Paths' } }, [
    el('div', { className: 'paths-head' }, [
      el('h2', { className: 'panel-title', text: 'Paths' }),
      button('Close', () => panel.close(), { className: 'small' }),
    ]),
    el('div', { className: 'path-ends' }, [
      el('label', { className: 'field' }, [el('span', { text: 'From' }), from.element]),
      swap,
      el('label', { className: 'field' }, [el('span', { text: 'To' }), to.element]),
    ]),
    el('div', { className: 'path-options' }, [
      el('label', {}, ['At most ', hops, ' hops']),
      el('label', { title: 'Documents that name both: weaker than a fact' }, [documents, ' Also through documents']),
      el('details', { className: 'path-types' }, [
        typesSummary,
        el(
          'ul',
          {},
          typeBoxes.map((box) => el('li', {}, [el('label', {}, [box, ` ${relationLabel(box.value)}`])])),
        ),
      ]),
    ]),
    el('div', { className: 'path-actions' }, [find]),
    results,
  ]);
  element.hidden = true;

  const evidence = new Map<string, Promise<EdgeDetails>>();
  function evidenceOf(id: string): Promise<EdgeDetails> {
    let details = evidence.get(id);
    if (!details) {
      details = app.api.edge(id);
      evidence.set(id, details);
      details.catch(() => evidence.delete(id));
    }
    return details;
  }

  function nameOf(result: PathsResponse, id: string): string {
    return result.nodes.find((n) => n.id === id)?.name ?? id;
  }

  function hopItem(result: PathsResponse, hop: Hop): HTMLElement {
    const ends = (id: string) =>
      button(nameOf(result, id), () => void app.focusNode(id), { className: 'link', title: 'Select it in the graph' });
    const type = hop.edge?.type ?? '';
    const quote = el('p', { className: 'hop-evidence hint small' });
    const item = el('li', { className: 'hop' }, [
      el('div', { className: 'hop-line' }, [
        ends(hop.from),
        el('span', {
          className: 'hop-relation',
          text:
            type === 'MENTIONED_IN'
              ? ' named in '
              : ` ${hop.forward ? '—' : '←'} ${relationLabel(type)} ${hop.forward ? '→' : '—'} `,
        }),
        ends(hop.to),
      ]),
      quote,
    ]);
    if (!hop.edge) return item;
    const edge = hop.edge;
    if (type === 'MENTIONED_IN') {
      const document = [hop.from, hop.to].find((id) => result.nodes.find((n) => n.id === id)?.type === 'Document');
      if (document)
        quote.append(
          button('Open the document', () => app.openReader({ documentId: document, highlight: null }), {
            className: 'link',
          }),
        );
      return item;
    }
    quote.textContent = 'Loading the evidence…';
    evidenceOf(edge.id).then(
      (details) => {
        clear(quote);
        const first = details.evidence[0];
        if (!first) {
          quote.textContent = 'No source sentence recorded.';
          return;
        }
        quote.append(
          button(
            `“${first.text}”`,
            () => app.openReader({ documentId: first.document, highlight: { start: first.start, end: first.end } }),
            {
              className: 'evidence-sentence',
              title: `${first.documentTitle}: open the document at this sentence`,
            },
          ),
          button(
            details.evidence.length === 1 ? '1 source' : `${details.evidence.length} sources`,
            () => app.select({ kind: 'edge', id: edge.id }),
            {
              className: 'link subtle',
              title: 'Show every source of this relation',
            },
          ),
        );
      },
      (error) => {
        quote.textContent = plainMessage(error);
      },
    );
    return item;
  }

  function render(): void {
    const state = app.paths.get();
    from.set(state.from);
    to.set(state.to);
    hops.value = String(state.options.maxHops);
    documents.checked = state.options.throughDocuments;
    for (const box of typeBoxes) box.checked = state.options.relTypes.includes(box.value);
    typesSummary.textContent = state.options.relTypes.length
      ? `Relations: ${state.options.relTypes.map(relationLabel).join(', ')}`
      : 'Relations: every type';
    find.disabled = !state.from || !state.to || state.status === 'loading';
    clear(results);
    if (state.status === 'loading') results.append(el('p', { className: 'hint', text: 'Looking for paths…' }));
    if (state.message)
      results.append(
        el('p', { className: state.status === 'error' ? 'error-text' : 'path-message hint', text: state.message }),
      );
    const result = state.result;
    if (!result) return;
    const count = result.paths.length;
    results.append(
      el('p', { className: 'path-summary' }, [
        `${count} shortest path${count === 1 ? '' : 's'} of ${result.paths[0].edges.length} hop${result.paths[0].edges.length === 1 ? '' : 's'}. `,
        state.active !== null
          ? button('Show all', () => app.paths.update(showPath(null)), { className: 'link' })
          : null,
        button('Clear', () => app.paths.update(clearPaths()), {
          className: 'link',
          title: 'Stop emphasising the paths',
        }),
      ]),
    );
    result.paths.slice(0, MAX_PATHS_LISTED).forEach((path, index) => {
      const shown = state.active === null || state.active === index;
      results.append(
        el('div', { className: `path${shown ? '' : ' dimmed'}` }, [
          button(`Path ${index + 1}`, () => app.paths.update(showPath(state.active === index ? null : index)), {
            className: `path-title${state.active === index ? ' active' : ''}`,
            title: 'Show this path alone (again: all of them)',
          }),
          shown
            ? el(
                'ol',
                { className: 'hops' },
                hopsOf(path, result.edges).map((hop) => hopItem(result, hop)),
              )
            : null,
        ]),
      );
    });
    if (count > MAX_PATHS_LISTED)
      results.append(el('p', { className: 'hint small', text: `${count - MAX_PATHS_LISTED} more not listed.` }));
  }
  app.paths.subscribe(render);
  render();

  const panel: PathPanel = {
    element,
    open() {
      element.hidden = false;
      if (!app.paths.get().from) setTimeout(() => from.input.focus(), 0);
    },
    close() {
      element.hidden = true;
      app.paths.update(clearPaths());
    },
    toggle() {
      if (element.hidden) panel.open();
      else panel.close();
    },
    setEnd(which, end) {
      app.paths.update(setPathEnd(which, end));
      element.hidden = false;
      const state = app.paths.get();
      if (state.from && state.to && state.from.id !== state.to.id) void app.findPaths();
      else setTimeout(() => (which === 'from' ? to : from).input.focus(), 0);
    },
  };
  return panel;
}
