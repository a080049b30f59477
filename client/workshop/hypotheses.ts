/**
 * Hypotheses of the workshop: drawn between two entities by an editor (label and optional note), shown
 * in the graph as dashed edges of type HYPOTHESIS whenever both ends are in view (so the relation-type
 * filter can switch them off), listed with a Delete button for editors.
 */
import type { GraphEdge } from '../../graph/model/api-types';
import type { Hypothesis } from '../../graph/workshop/types';
import { HYPOTHESIS } from '../graph/view-graph';
import { button, el } from '../ui/dom';
import { createEntityPicker } from './entity-picker';
import { attempt, field, type WorkshopContext } from './workshop-context';

export function hypothesisEdge(h: Hypothesis): GraphEdge {
  return {
    id: h.id,
    type: HYPOTHESIS,
    source: h.sourceId,
    target: h.targetId,
    attributes: { label: h.label, note: h.note, author: h.author, createdAt: h.createdAt },
  };
}

export function createHypotheses(ctx: WorkshopContext): HTMLElement {
  const { app } = ctx;
  const element = el('div', { className: 'workshop-section hypotheses-section' });
  const list = el('ul', { className: 'hypotheses' });
  const picker = createEntityPicker(app, 'Hypothesis to', 'hypothesis-target');
  const label = field('Hypothesis label', 'hypothesis-label', 'Label, e.g. "funds"');
  const note = el('textarea', {
    attrs: { name: 'hypothesis-note', rows: '2', 'aria-label': 'Hypothesis note', placeholder: 'Note (optional)' },
  });
  const from = el('p', { className: 'hint small' });
  const form = el('div', { className: 'hypothesis-form' }, [
    from,
    picker.element,
    label,
    note,
    button(
      'Draw hypothesis',
      attempt(ctx, async () => {
        const s = ctx.session.get();
        const source = selectedNode();
        const target = picker.value();
        if (!s || !source || !target) return ctx.app.notify('Select a node, then pick the other end.', 'error');
        const sent = [label.value, note.value];
        const h = await ctx.api.addHypothesis(s.workshopId, {
          sourceId: source,
          targetId: target,
          label: sent[0].trim(),
          note: sent[1],
        });
        // Text typed meanwhile is the next hypothesis's: only the sent text is cleared.
        if (label.value === sent[0]) label.value = '';
        if (note.value === sent[1]) note.value = '';
        if (!hypotheses.some((x) => x.id === h.id)) hypotheses = [...hypotheses, h];
        // Drawn to an entity out of view: bring it in, so the hypothesis shows.
        if (!app.graph.hasNode(target)) await app.loadNodes([target]);
        sync();
        render();
      }),
    ),
  ]);
  element.append(el('h3', { text: 'Hypotheses' }), form, list);
  let hypotheses: Hypothesis[] = [];

  const selectedNode = () => {
    const s = app.view.get().selection;
    return s?.kind === 'node' && app.graph.hasNode(s.id) ? s.id : null;
  };

  /** The workshop's hypotheses between nodes in view are drawn, and no other. */
  function sync(): void {
    app.syncHypotheses(hypotheses.map(hypothesisEdge));
  }

  let scheduled = false;
  function scheduleSync(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      sync();
    });
  }

  async function load(): Promise<void> {
    const s = ctx.session.get();
    hypotheses = [];
    if (s) {
      try {
        hypotheses = await ctx.api.hypotheses(s.workshopId);
      } catch (error) {
        ctx.fail(error);
      }
    }
    sync();
    render();
  }

  function nameOf(id: string): string {
    return app.graph.hasNode(id) ? app.graph.getNodeAttribute(id, 'data').name : id;
  }

  function render(): void {
    const editor = ctx.isEditor();
    element.hidden = !ctx.session.get();
    form.hidden = !editor;
    const source = selectedNode();
    from.textContent = source ? `From ${nameOf(source)} to:` : 'Select a node to draw a hypothesis from it.';
    picker.refresh(source);
    list.replaceChildren(
      ...hypotheses.map((h) =>
        el('li', { className: 'hypothesis', dataset: { hypothesisId: h.id } }, [
          button(
            `${nameOf(h.sourceId)} → ${nameOf(h.targetId)}`,
            () => app.graph.hasEdge(h.id) && app.select({ kind: 'edge', id: h.id }),
            {
              className: 'link',
            },
          ),
          el('span', { className: 'hypothesis-label', text: ` ? ${h.label}` }),
          h.note ? el('p', { className: 'hint small hypothesis-note', text: h.note }) : null,
          el('span', { className: 'note-author', text: ` — ${h.author}` }),
          editor &&
            button(
              'Delete',
              attempt(ctx, async () => {
                await ctx.api.deleteHypothesis(h.workshopId, h.id);
                hypotheses = hypotheses.filter((x) => x.id !== h.id);
                sync();
                render();
              }),
              { className: 'small', attrs: { 'aria-label': `Delete hypothesis ${h.label}` } },
            ),
        ]),
      ),
    );
    if (!hypotheses.length) list.append(el('li', { className: 'hint small', text: 'No hypothesis yet.' }));
  }

  ctx.on('hypothesis-added', (data) => {
    const h = data as Hypothesis;
    if (h.workshopId !== ctx.session.get()?.workshopId || hypotheses.some((x) => x.id === h.id)) return;
    hypotheses = [...hypotheses, h];
    sync();
    render();
  });
  ctx.on('hypothesis-deleted', (data) => {
    const id = (data as { id: string }).id;
    hypotheses = hypotheses.filter((h) => h.id !== id);
    sync();
    render();
  });
  // A merge moves hypotheses to the survivor: read them again after any curation.
  for (const signal of ['curation-applied', 'curation-undone', 'resync'] as const) ctx.on(signal, () => void load());
  ctx.session.subscribe(() => void load());
  // Nodes come and go (open a view, expand, undo): hypotheses follow their ends.
  for (const event of ['nodeAdded', 'nodeDropped', 'cleared'] as const) app.graph.on(event, scheduleSync);
  app.view.subscribe((state, previous) => state.selection !== previous.selection && render());
  render();
  return element;
}
