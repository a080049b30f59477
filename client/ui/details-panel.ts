/**
 * The details of the selected node or edge: type, name, aliases, attributes, relations grouped by type
 * and the evidence (each sentence with its document's title and date). A sentence opens the reader.
 * Every value from the data is set as text.
 */
import type { AttributeValue } from '../../graph/model/types';
import type { EdgeDetails, MentionWithDocument, NodeDetails } from '../../graph/model/api-types';
import type { DossierApp } from '../app';
import { plainMessage } from '../api/api-error';
import { nodeTypeStyle, relationLabel } from '../appearance/node-style';
import type { Selection } from '../state/view-state';
import { visibleEdgeIds } from '../filters/filtered-view';
import { reportLagDays, reportedDates } from '../timeline/time-lanes';
import { button, clear, el, typeBadge } from './dom';

const MAX_EVIDENCE = 40;

export function formatValue(value: AttributeValue | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function humanKey(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());
}

function attributesTable(attributes: Record<string, AttributeValue | null>): HTMLElement | null {
  const entries = Object.entries(attributes).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (!entries.length) return null;
  return el(
    'dl',
    { className: 'attributes' },
    entries.flatMap(([key, value]) => [el('dt', { text: humanKey(key) }), el('dd', { text: formatValue(value) })]),
  );
}

function evidenceItem(
  sentence: string,
  documentTitle: string,
  published: string | null | undefined,
  open: () => void,
  page?: number,
): HTMLElement {
  const item = el('li', { className: 'evidence' }, [
    el('button', {
      className: 'evidence-sentence',
      text: sentence,
      title: 'Open the document at this sentence',
      attrs: { type: 'button' },
    }),
    el('div', { className: 'evidence-source' }, [
      el('span', { className: 'evidence-title', text: documentTitle }),
      published ? el('span', { className: 'evidence-date', text: published.slice(0, 10) }) : null,
      page ? el('span', { className: 'evidence-page', text: `p. ${page}` }) : null,
    ]),
  ]);
  item.querySelector('button')!.addEventListener('click', open);
  return item;
}

/** `footer` stays below whatever is shown (the workshop's notes on the selection). */
/** When the documents reported it, and for an event how long after it happened. */
function reportWords(node: NodeDetails['node']): string | null {
  if (node.sources === undefined) return null;
  const dates = reportedDates(node);
  const documents = `${node.sources} document${node.sources === 1 ? '' : 's'}`;
  if (!dates.length) return `Named in ${documents}, none of them dated.`;
  const span = dates.length > 1 ? `from ${dates[0]} to ${dates[dates.length - 1]}` : `on ${dates[0]}`;
  const lag = reportLagDays(node);
  const after =
    lag === null
      ? ''
      : lag === 0
        ? '; first reported when it happened'
        : lag > 0
          ? `; first reported ${lag} days after it happened`
          : `; announced ${-lag} days before it happened`;
  return `Reported in ${documents}, ${span}${after}.`;
}

/** "12 of 89 nodes and 30 of 140 relations shown" when filters or hiding take some away. */
function inViewWords(app: DossierApp): string {
  const visible = new Set(app.visibleNodeIds());
  const edges = visibleEdgeIds(app.graph, visible, app.filters.get()).length;
  const { order, size } = app.graph;
  if (visible.size === order && edges === size) return `${order} nodes and ${size} relations in view.`;
  return `${visible.size} of ${order} nodes and ${edges} of ${size} relations shown (filters or hidden nodes).`;
}

export function createDetailsPanel(app: DossierApp, footer: HTMLElement | null = null): HTMLElement {
  const panel = el('section', { className: 'details', attrs: { 'aria-label': 'Details' } });
  const element = el('div', { className: 'details-body', attrs: { 'aria-live': 'polite' } });
  panel.append(element);
  if (footer) panel.append(footer);
  let current: Selection = null;
  let request = 0;

  function renderEmpty(): void {
    clear(element);
    element.append(
      el('h2', { className: 'panel-title', text: 'Nothing selected' }),
      el('p', { className: 'hint', text: 'Click a node or an edge to see what the documents say about it.' }),
      el('ul', { className: 'hint-list' }, [
        el('li', { text: 'Type / to search, Esc to clear, F to fit the graph.' }),
        el('li', { text: 'Double-click a node to expand its neighbours; Ctrl+Z undoes.' }),
        el('li', { text: 'Hover a node to highlight its neighbourhood.' }),
      ]),
      el('p', { className: 'hint small in-view-count', text: inViewWords(app) }),
    );
  }

  function renderLoading(): void {
    clear(element);
    element.append(el('p', { className: 'hint', text: 'Loading details…' }));
  }

  function renderError(error: unknown): void {
    clear(element);
    element.append(el('p', { className: 'error-text', text: plainMessage(error) }));
  }

  function renderNode(details: NodeDetails): void {
    clear(element);
    const node = details.node;
    const style = nodeTypeStyle(node.type);
    const loaded = app.graph.hasNode(node.id);
    const aliases = (node.aliases ?? []).filter((a) => a !== node.name);
    element.append(
      el('header', { className: 'details-header' }, [
        typeBadge(node.type, style.color),
        el('h2', { className: 'details-name', text: node.name }),
        aliases.length ? el('p', { className: 'aliases', text: `Also: ${aliases.join(' · ')}` }) : null,
      ]),
      el('div', { className: 'details-actions' }, [
        button('Expand', () => void app.expand(node.id), {
          title: 'Load its neighbours (double-click does it too)',
          attrs: loaded ? {} : { disabled: '' },
        }),
        button('Hide', () => app.hide([node.id]), { attrs: loaded ? {} : { disabled: '' } }),
        button('Collapse', () => app.collapse(node.id), {
          title: 'Remove the neighbours that hang on it alone',
          attrs: loaded ? {} : { disabled: '' },
        }),
        button('Remove', () => app.remove([node.id]), {
          title: 'Remove from the view (not from the database)',
          attrs: loaded ? {} : { disabled: '' },
        }),
      ]),
    );
    const attributes = attributesTable(node.attributes);
    if (attributes) element.append(el('h3', { text: 'Attributes' }), attributes);
    const reported = reportWords(node);
    if (reported) element.append(el('p', { className: 'reported-line hint small', text: reported }));

    // Relations grouped by type.
    const groups = new Map<string, NodeDetails['relations']>();
    for (const relation of details.relations) {
      const list = groups.get(relation.type) ?? [];
      list.push(relation);
      groups.set(relation.type, list);
    }
    if (groups.size) {
      element.append(el('h3', { text: `Relations (${details.relations.length})` }));
      for (const [type, relations] of [...groups.entries()].sort((a, b) => b[1].length - a[1].length)) {
        const items = relations
          .sort((a, b) => b.evidenceCount - a.evidenceCount)
          .map((r) => {
            const other = button(r.other.name, () => void app.focusNode(r.other.id), {
              className: 'link',
              title: `${r.other.type}: show it in the graph`,
            });
            const why = button(
              r.evidenceCount === 1 ? '1 source' : `${r.evidenceCount} sources`,
              () => app.select({ kind: 'edge', id: r.id }),
              {
                className: 'link subtle',
                title: 'Show the evidence for this relation',
              },
            );
            return el('li', { className: 'relation' }, [
              el('span', { className: 'direction', text: r.direction === 'out' ? '→' : '←' }),
              other,
              why,
            ]);
          });
        element.append(
          el('details', { className: 'relation-group', attrs: relations.length <= 8 ? { open: '' } : {} }, [
            el('summary', { text: `${relationLabel(type)} (${relations.length})` }),
            el('ul', {}, items),
          ]),
        );
      }
    }

    // Evidence: the sentences that mention it, one per sentence and document.
    const seen = new Set<string>();
    const mentions: MentionWithDocument[] = [];
    for (const m of details.mentions) {
      const key = `${m.document}|${m.sentence ?? m.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      mentions.push(m);
    }
    element.append(el('h3', { text: `Evidence (${mentions.length} sentence${mentions.length === 1 ? '' : 's'})` }));
    if (!mentions.length) element.append(el('p', { className: 'hint', text: 'No sentence mentions it.' }));
    const list = el(
      'ul',
      { className: 'evidence-list' },
      mentions.slice(0, MAX_EVIDENCE).map((m) =>
        evidenceItem(
          m.sentence ?? m.text,
          m.documentTitle,
          m.documentPublished,
          () =>
            app.openReader({
              documentId: m.document,
              highlight: m.sentence ? null : { start: m.start, end: m.end },
              sentence: m.sentence,
              around: m.start,
            }),
          m.page,
        ),
      ),
    );
    element.append(list);
    if (mentions.length > MAX_EVIDENCE) {
      element.append(
        el('p', { className: 'hint small', text: `${mentions.length - MAX_EVIDENCE} more sentences not shown.` }),
      );
    }
  }

  function renderEdge(details: EdgeDetails): void {
    clear(element);
    const edge = details.edge;
    element.append(
      el('header', { className: 'details-header' }, [
        typeBadge('Relation', '#5a6375'),
        el('h2', { className: 'details-name', text: relationLabel(edge.type) }),
        el('p', { className: 'edge-ends' }, [
          button(details.source.name, () => void app.focusNode(details.source.id), { className: 'link' }),
          el('span', { className: 'direction', text: ` ${relationLabel(edge.type)} ` }),
          button(details.target.name, () => void app.focusNode(details.target.id), { className: 'link' }),
        ]),
      ]),
    );
    const attributes = attributesTable({
      ...(edge.confidence !== undefined ? { confidence: Number(edge.confidence.toFixed(2)) } : {}),
      ...edge.attributes,
    });
    if (attributes) element.append(el('h3', { text: 'Attributes' }), attributes);
    element.append(el('h3', { text: `Evidence (${details.evidence.length})` }));
    if (!details.evidence.length) {
      element.append(
        el('p', {
          className: 'hint',
          text:
            edge.type === 'CO_OCCURS'
              ? 'Co-occurrence: both are named in the same sentences, which says nothing of how they relate.'
              : 'No source sentence recorded.',
        }),
      );
    }
    element.append(
      el(
        'ul',
        { className: 'evidence-list' },
        details.evidence
          .slice(0, MAX_EVIDENCE)
          .map((e) =>
            evidenceItem(
              e.text,
              e.documentTitle,
              e.documentPublished,
              () => app.openReader({ documentId: e.document, highlight: { start: e.start, end: e.end } }),
              e.page,
            ),
          ),
      ),
    );
  }

  async function show(selection: Selection): Promise<void> {
    const id = ++request;
    if (!selection) {
      renderEmpty();
      return;
    }
    renderLoading();
    try {
      if (selection.kind === 'node') {
        const details = await app.api.node(selection.id);
        if (id === request) renderNode(details);
      } else {
        const details = await app.api.edge(selection.id);
        if (id === request) renderEdge(details);
      }
    } catch (error) {
      if (id === request) renderError(error);
    }
  }

  app.filters.subscribe(() => refreshEmpty());
  app.view.subscribe((state) => {
    if (state.hidden !== shownHidden) refreshEmpty();
    if (state.selection === current) return;
    current = state.selection;
    void show(current);
  });
  // The empty panel counts what is in view: recounted once per frame while the graph, the filters or the
  // hidden nodes change.
  let countScheduled = false;
  let shownHidden = app.view.get().hidden;
  const refreshEmpty = () => {
    if (countScheduled) return;
    countScheduled = true;
    requestAnimationFrame(() => {
      countScheduled = false;
      shownHidden = app.view.get().hidden;
      if (!current) renderEmpty();
    });
  };
  for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const) {
    app.graph.on(event, refreshEmpty);
  }
  renderEmpty();
  return panel;
}
