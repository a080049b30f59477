/**
 * Presenting: the presentation order (an editor moves views up and down), Present with ← / → in a
 * full-screen layout with the current view's notes beside it, and Follow the presenter for everyone
 * else (the presenter's view, camera and notes follow along).
 */
import type { Annotation, PresenterPosition, SavedView } from '../../graph/workshop/types';
import { button, el, isTyping } from '../ui/dom';
import { clampStep, moveInOrder, presentedViews } from './presentation-order';
import { openSavedView } from './view-capture';
import { attempt, type WorkshopContext } from './workshop-context';

export interface Presenter {
  element: HTMLElement;
  isPresenting(): boolean;
  stop(): void;
}

export function createPresenter(ctx: WorkshopContext): Presenter {
  const { app } = ctx;
  const element = el('div', { className: 'workshop-section presenter-section' });
  const order = el('ol', { className: 'presentation-order' });
  const controls = el('div', { className: 'presenter-controls' });
  const followedNotes = el('div', { className: 'followed-notes' });
  const overlay = el('aside', { className: 'presenter-notes', attrs: { 'aria-label': 'Presenter notes' } });
  overlay.hidden = true;
  document.body.append(overlay);
  element.append(el('h3', { text: 'Presentation' }), order, controls, followedNotes);

  let presenting = false;
  let following = false;
  let step = 0;
  let shown: SavedView | null = null; // the view being presented or followed
  let shownNotes: Annotation[] = [];

  const sequence = () => presentedViews(ctx.presentation.get(), ctx.views.get());
  const workshopId = () => ctx.session.get()?.workshopId ?? '';

  async function loadViewNotes(view: SavedView): Promise<void> {
    try {
      const notes = await ctx.api.annotations(workshopId(), { targetKind: 'view', targetId: view.id });
      if (shown?.id === view.id) shownNotes = notes;
    } catch (error) {
      ctx.fail(error);
    }
    renderNotes();
  }

  async function show(view: SavedView, selection?: string[]): Promise<void> {
    shown = view;
    shownNotes = [];
    renderNotes();
    void loadViewNotes(view);
    await openSavedView(app, view, { label: `Present "${view.name}"`, selection });
  }

  async function presentStep(next: number): Promise<void> {
    const views = sequence();
    if (!ctx.session.get() || !views.length) return;
    step = clampStep(next, views.length);
    const view = views[step];
    await show(view);
    try {
      await ctx.api.present(workshopId(), { viewId: view.id, step, camera: view.camera, selection: [] });
    } catch (error) {
      ctx.fail(error);
    }
    renderNotes();
  }

  function setPresenting(on: boolean): void {
    // Followers are told the presentation ended (a position on no view), so their banner goes.
    if (presenting && !on && ctx.session.get())
      ctx.api
        .present(workshopId(), { viewId: null, step: null, camera: null, selection: [] })
        .catch((error: unknown) => ctx.fail(error));
    presenting = on;
    document.getElementById('app')?.classList.toggle('presenting', on);
    overlay.hidden = !on;
    // The stage changes size: sigma must measure it again.
    requestAnimationFrame(() => {
      app.graphView.sigma.resize();
      app.graphView.sigma.refresh();
    });
    if (on) void presentStep(0);
    else shown = following ? shown : null;
    render();
  }

  async function follow(position: PresenterPosition): Promise<void> {
    if (!position.viewId) {
      // The presenter stopped: nothing is followed any more, and the banner says so no longer.
      if (shown) app.notify(`${position.presenter.name} stopped presenting.`);
      shown = null;
      shownNotes = [];
      element.dataset.followedView = '';
      element.closest('.workshop')?.setAttribute('data-followed-view', '');
      renderNotes();
      return;
    }
    if (position.viewId && !ctx.views.get().some((v) => v.id === position.viewId)) await ctx.loadViews();
    const target = ctx.views.get().find((v) => v.id === position.viewId);
    // The presenter's own selection when it has one, else the view's, as the presenter sees it.
    if (target) await show(target, position.selection.length ? position.selection : undefined);
    if (position.camera) app.graphView.sigma.getCamera().setState(position.camera);
    element.dataset.followedView = position.viewId ?? '';
    element.closest('.workshop')?.setAttribute('data-followed-view', position.viewId ?? '');
  }

  ctx.on('presenter-moved', (data) => {
    if (following && !presenting) void follow(data as PresenterPosition);
  });
  ctx.on('annotation-added', (data) => {
    const note = data as Annotation;
    if (note.targetKind === 'view' && note.targetId === shown?.id && !shownNotes.some((n) => n.id === note.id)) {
      shownNotes = [...shownNotes, note];
      renderNotes();
    }
  });
  ctx.on('annotation-deleted', () => shown && void loadViewNotes(shown));
  ctx.on('view-saved', (data) => {
    const view = data as SavedView;
    if (view.id === shown?.id) {
      shown = view;
      renderNotes();
    }
  });

  document.addEventListener('keydown', (event) => {
    if (!presenting || isTyping(event.target)) return;
    if (event.key === 'ArrowRight') void presentStep(step + 1);
    else if (event.key === 'ArrowLeft') void presentStep(step - 1);
    else if (event.key === 'Escape') setPresenting(false);
    else return;
    event.preventDefault();
  });

  /** The notes of the view on screen: its own notes field, then the notes participants added to it. */
  function notesOf(view: SavedView, count: number): HTMLElement[] {
    const parts: HTMLElement[] = [
      el('p', { className: 'presenter-step', text: presenting ? `${step + 1} / ${count}` : 'Following the presenter' }),
      el('h2', { className: 'presenter-view-name', text: view.name }),
    ];
    if (view.description) parts.push(el('p', { className: 'presenter-description', text: view.description }));
    if (view.notes) parts.push(el('p', { className: 'presenter-view-notes', text: view.notes }));
    parts.push(
      el(
        'ul',
        { className: 'presenter-annotations' },
        shownNotes.map((n) =>
          el('li', { className: 'presenter-annotation' }, [
            el('span', { className: 'note-text', text: n.text }),
            el('span', { className: 'note-author', text: ` — ${n.author}` }),
          ]),
        ),
      ),
    );
    if (!view.notes && !shownNotes.length) parts.push(el('p', { className: 'hint small', text: 'No notes.' }));
    return parts;
  }

  function renderNotes(): void {
    const count = sequence().length;
    if (presenting && shown) {
      const text = el('textarea', {
        attrs: { name: 'view-note', rows: '2', 'aria-label': 'Note on this view', placeholder: 'Note on this view' },
      });
      const view = shown;
      overlay.replaceChildren(
        ...notesOf(view, count),
        text,
        button(
          'Add note to view',
          attempt(ctx, async () => {
            if (!text.value.trim()) return;
            const note = await ctx.api.annotate(workshopId(), 'view', view.id, text.value);
            if (shown?.id === view.id && !shownNotes.some((n) => n.id === note.id)) shownNotes = [...shownNotes, note];
            renderNotes();
          }),
        ),
        el('p', { className: 'hint small', text: '← → move between views · Esc stops' }),
        button('Stop presenting', () => setPresenting(false), { className: 'stop-presenting' }),
      );
    } else overlay.replaceChildren();
    followedNotes.replaceChildren(...(following && !presenting && shown ? notesOf(shown, count) : []));
  }

  function render(): void {
    const editor = ctx.isEditor();
    const explicit = ctx.presentation.get();
    const views = sequence();
    order.replaceChildren(
      ...views.map((v, index) =>
        el('li', { dataset: { viewId: v.id } }, [
          el('span', { className: 'view-name', text: v.name }),
          editor && explicit.length > 0 && index > 0
            ? button(
                '↑',
                attempt(ctx, () => reorder(v.id, -1)),
                { title: 'Earlier', attrs: { 'aria-label': `Move ${v.name} up` } },
              )
            : null,
          editor && explicit.length > 0 && index < views.length - 1
            ? button(
                '↓',
                attempt(ctx, () => reorder(v.id, 1)),
                { title: 'Later', attrs: { 'aria-label': `Move ${v.name} down` } },
              )
            : null,
        ]),
      ),
    );
    if (!explicit.length && views.length)
      order.append(el('li', { className: 'hint small', text: 'No order set: every saved view, oldest first.' }));
    const followBox = el('input', { attrs: { type: 'checkbox', name: 'follow' } });
    followBox.checked = following;
    followBox.addEventListener('change', () => {
      following = followBox.checked;
      if (!following) shown = presenting ? shown : null;
      renderNotes();
    });
    controls.replaceChildren(
      editor
        ? button(presenting ? 'Stop presenting' : 'Present', () => setPresenting(!presenting), {
            className: 'present-button',
            title: 'Step through the presentation with ← and →',
          })
        : '',
      el('label', { className: 'workshop-follow' }, [followBox, ' Follow the presenter']),
    );
    renderNotes();
  }

  async function reorder(viewId: string, delta: -1 | 1): Promise<void> {
    const viewIds = await ctx.api.setPresentation(workshopId(), moveInOrder(ctx.presentation.get(), viewId, delta));
    ctx.presentation.update(() => viewIds);
  }

  ctx.views.subscribe(render);
  ctx.presentation.subscribe(render);
  ctx.session.subscribe((s) => {
    if (!s && presenting) setPresenting(false);
    following = false;
    shown = null;
    render();
  });
  render();
  return { element, isPresenting: () => presenting, stop: () => presenting && setPresenting(false) };
}
