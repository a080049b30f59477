/**
 * Notes (annotations): on the selected node or relation, shown at the foot of the details panel, and
 * every note of the workshop listed in the workshop panel (a click goes to what it is about).
 */
import type { Annotation } from '../../graph/workshop/types';
import type { AnnotationTarget } from '../../graph/workshop/schemas';
import { button, el } from '../ui/dom';
import { attempt, type WorkshopContext } from './workshop-context';
import { openSavedView } from './view-capture';

interface Target {
  kind: AnnotationTarget;
  id: string;
}

function noteItem(n: Annotation, extra: HTMLElement | null = null): HTMLElement {
  return el('li', { className: 'workshop-note', dataset: { noteId: n.id } }, [
    extra,
    el('span', { className: 'note-text', text: n.text }),
    el('span', { className: 'note-author', text: ` — ${n.author}, ${n.createdAt.slice(0, 10)}` }),
  ]);
}

/** Notes on the selection, for the details panel: read by everyone, written by editors. */
export function createSelectionNotes(ctx: WorkshopContext): HTMLElement {
  const element = el('section', { className: 'selection-notes', attrs: { 'aria-label': 'Workshop notes' } });
  const title = el('h3', { text: 'Workshop notes' });
  const list = el('ul', { className: 'workshop-notes' });
  const text = el('textarea', { attrs: { name: 'note', 'aria-label': 'New note', rows: '3' } });
  const add = button(
    'Add note',
    attempt(ctx, async () => {
      const s = ctx.session.get();
      const t = target;
      if (!s || !t || !text.value.trim()) return;
      const sent = text.value;
      const note = await ctx.api.annotate(s.workshopId, t.kind, t.id, sent);
      // Text typed while the note was on its way is the next note: only the sent text is cleared.
      if (text.value === sent) text.value = '';
      if (sameTarget(t, target) && !notes.some((n) => n.id === note.id)) notes = [...notes, note];
      renderList();
    }),
  );
  const form = el('div', { className: 'note-form' }, [text, add]);
  element.append(title, list, form);

  let target: Target | null = null;
  let notes: Annotation[] = [];
  const sameTarget = (a: Target | null, b: Target | null) => !!a && !!b && a.kind === b.kind && a.id === b.id;

  function currentTarget(): Target | null {
    const selection = ctx.app.view.get().selection;
    if (!selection) return null;
    return { kind: selection.kind === 'node' ? 'node' : 'edge', id: selection.id };
  }

  async function load(): Promise<void> {
    target = currentTarget();
    notes = [];
    render();
    const s = ctx.session.get();
    const t = target;
    if (!s || !t) return;
    try {
      const loaded = await ctx.api.annotations(s.workshopId, { targetKind: t.kind, targetId: t.id });
      if (sameTarget(t, target)) notes = loaded;
    } catch (error) {
      ctx.fail(error);
    }
    renderList();
  }

  function renderList(): void {
    list.dataset.targetKind = target?.kind ?? '';
    list.dataset.targetId = target?.id ?? '';
    list.replaceChildren(...notes.map((n) => noteItem(n)));
    if (!notes.length) list.append(el('li', { className: 'hint small', text: 'No note yet.' }));
  }

  function render(): void {
    element.hidden = !ctx.session.get() || !target;
    form.hidden = !ctx.isEditor();
    title.textContent = target?.kind === 'edge' ? 'Workshop notes on this relation' : 'Workshop notes';
    renderList();
  }

  ctx.on('annotation-added', (data) => {
    const note = data as Annotation;
    if (sameTarget({ kind: note.targetKind, id: note.targetId }, target) && !notes.some((n) => n.id === note.id)) {
      notes = [...notes, note];
      renderList();
    }
  });
  ctx.on('annotation-deleted', () => void load());
  ctx.on('resync', () => void load());
  ctx.session.subscribe(() => void load());
  ctx.app.view.subscribe((state, previous) => {
    if (state.selection !== previous.selection) void load();
  });
  render();
  return element;
}

/** Every note of the workshop, newest first, with what it is about. */
export function createNotesList(ctx: WorkshopContext): HTMLElement {
  const element = el('div', { className: 'workshop-section all-notes' });
  const list = el('ul', { className: 'workshop-all-notes' });
  const toggle = el('details', { className: 'all-notes-toggle' }, [el('summary', { text: 'All notes' }), list]);
  element.append(toggle);
  let notes: Annotation[] = [];

  function about(n: Annotation): HTMLElement {
    const { app } = ctx;
    if (n.targetKind === 'node') {
      const name = app.graph.hasNode(n.targetId) ? app.graph.getNodeAttribute(n.targetId, 'data').name : n.targetId;
      return button(name, () => void app.focusNode(n.targetId), { className: 'link note-target' });
    }
    if (n.targetKind === 'view') {
      const view = ctx.views.get().find((v) => v.id === n.targetId);
      return button(
        view ? `view “${view.name}”` : 'a deleted view',
        attempt(ctx, async () => view && openSavedView(app, view)),
        {
          className: 'link note-target',
        },
      );
    }
    return button('a relation', () => app.graph.hasEdge(n.targetId) && app.select({ kind: 'edge', id: n.targetId }), {
      className: 'link note-target',
      title: app.graph.hasEdge(n.targetId) ? 'Select it' : 'Not in the view',
    });
  }

  async function load(): Promise<void> {
    const s = ctx.session.get();
    notes = [];
    if (s) {
      try {
        notes = await ctx.api.annotations(s.workshopId);
      } catch (error) {
        ctx.fail(error);
      }
    }
    render();
  }

  function render(): void {
    element.hidden = !ctx.session.get();
    const newest = [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    list.replaceChildren(...newest.map((n) => noteItem(n, el('span', { className: 'note-about' }, [about(n), ': ']))));
    if (!notes.length) list.append(el('li', { className: 'hint small', text: 'No note in this workshop yet.' }));
  }

  for (const signal of ['annotation-added', 'annotation-deleted', 'resync'] as const) ctx.on(signal, () => void load());
  ctx.session.subscribe(() => void load());
  ctx.views.subscribe(render);
  render();
  return element;
}
