/**
 * The workshop panel: create or join a workshop, list and save views, read and write notes on the
 * selected node, present saved views with the arrow keys, follow the presenter. Every text from the
 * server is rendered with textContent (through `el`).
 */
import type { Annotation, PresenterPosition, SavedView } from '../../graph/workshop/types';
import type { DossierApp } from '../app';
import { plainMessage } from '../api/api-error';
import { button, el, isTyping } from '../ui/dom';
import { createWorkshopApi } from './workshop-api';
import { connectLive, type LiveConnection } from './workshop-live';
import { loadSession, saveSession, type WorkshopSession } from './workshop-session';
import { applyCamera, captureView, openView } from './view-capture';

export interface WorkshopPanel {
  element: HTMLElement;
  toggle(): void;
}

function field(label: string, name: string, placeholder = ''): HTMLInputElement {
  return el('input', { attrs: { name, placeholder, 'aria-label': label, autocomplete: 'off' } });
}

export function createWorkshopPanel(app: DossierApp): WorkshopPanel {
  let session = loadSession();
  const api = createWorkshopApi(() => session?.token ?? null);
  const element = el('section', { className: 'workshop', attrs: { 'aria-label': 'Workshop' } });
  element.hidden = true;
  let views: SavedView[] = [];
  let notes: Annotation[] = [];
  let notesFor: string | null = null;
  let live: LiveConnection | null = null;
  let presenting = false;
  let step = 0;
  let following = false;

  const fail = (error: unknown) => app.notify(plainMessage(error), 'error');
  const selectedNode = () => {
    const s = app.view.get().selection;
    return s?.kind === 'node' ? s.id : null;
  };

  function start(next: WorkshopSession): void {
    session = next;
    saveSession(next);
    live?.close();
    element.dataset.live = 'connecting';
    live = connectLive(api.eventsUrl(next.workshopId), {
      ready: () => (element.dataset.live = 'ready'),
      'annotation-added': (data) => {
        const note = data as Annotation;
        if (note.targetId === notesFor && !notes.some((n) => n.id === note.id)) {
          notes = [...notes, note];
          render();
        }
      },
      'annotation-deleted': () => void loadNotes(),
      'view-saved': () => void loadViews(),
      'view-deleted': () => void loadViews(),
      resync: () => void Promise.all([loadViews(), loadNotes()]),
      'presenter-moved': (data) => following && void follow(data as PresenterPosition),
    });
    void loadViews();
    void loadNotes();
    render();
  }

  async function loadViews(): Promise<void> {
    if (!session) return;
    try {
      views = await api.views(session.workshopId);
      render();
    } catch (error) {
      fail(error);
    }
  }

  async function loadNotes(): Promise<void> {
    const node = selectedNode();
    notesFor = node;
    notes = [];
    if (!session || !node) return render();
    try {
      const loaded = await api.annotations(session.workshopId, node);
      if (notesFor === node) notes = loaded;
      render();
    } catch (error) {
      fail(error);
    }
  }

  async function follow(position: PresenterPosition): Promise<void> {
    const view = views.find((v) => v.id === position.viewId);
    if (position.viewId && !view) await loadViews();
    const target = views.find((v) => v.id === position.viewId);
    if (target) await openView(app, target, position.selection);
    applyCamera(app, position.camera);
    element.dataset.followedView = position.viewId ?? '';
  }

  async function presentStep(next: number): Promise<void> {
    if (!session || !views.length) return;
    const ordered = presentationOrder();
    step = Math.max(0, Math.min(ordered.length - 1, next));
    const view = ordered[step];
    await openView(app, view);
    try {
      await api.present(session.workshopId, {
        viewId: view.id,
        step,
        camera: view.camera,
        selection: selectedNode() ? [selectedNode()!] : [],
      });
    } catch (error) {
      fail(error);
    }
    render();
  }

  // Oldest first: the order the views were saved in.
  const presentationOrder = () => [...views].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

  document.addEventListener('keydown', (event) => {
    if (!presenting || isTyping(event.target)) return;
    if (event.key === 'ArrowRight') void presentStep(step + 1);
    else if (event.key === 'ArrowLeft') void presentStep(step - 1);
    else return;
    event.preventDefault();
  });

  app.view.subscribe((state, previous) => {
    if (state.selection !== previous.selection) void loadNotes();
  });

  function renderJoin(): HTMLElement[] {
    const name = field('Workshop name', 'workshop-name', 'Workshop name');
    const creator = field('Your name', 'creator-name', 'Your name');
    const code = field('Join code', 'join-code', 'Join code');
    const joiner = field('Your name', 'joiner-name', 'Your name');
    const create = button('Create workshop', async () => {
      try {
        const a = await api.create(name.value.trim(), creator.value.trim());
        start({
          workshopId: a.workshop.id,
          workshopName: a.workshop.name,
          displayName: a.participant.displayName,
          role: a.participant.role,
          token: a.token,
          editorCode: a.editorCode,
          viewerCode: a.viewerCode,
        });
      } catch (error) {
        fail(error);
      }
    });
    const join = button('Join workshop', async () => {
      try {
        const a = await api.join(code.value.trim(), joiner.value.trim());
        start({
          workshopId: a.workshop.id,
          workshopName: a.workshop.name,
          displayName: a.participant.displayName,
          role: a.participant.role,
          token: a.token,
        });
      } catch (error) {
        fail(error);
      }
    });
    return [
      el('h3', { text: 'Create a workshop' }),
      el('div', { className: 'workshop-create' }, [name, creator, create]),
      el('h3', { text: 'Join a workshop' }),
      el('div', { className: 'workshop-join' }, [code, joiner, join]),
    ];
  }

  function renderSession(s: WorkshopSession): HTMLElement[] {
    const editor = s.role === 'editor';
    const parts: HTMLElement[] = [
      el('p', { className: 'workshop-who', text: `${s.workshopName} — ${s.displayName} (${s.role})` }),
    ];
    if (s.editorCode && s.viewerCode) {
      parts.push(
        el('p', { className: 'workshop-codes' }, [
          'Editor code: ',
          el('code', { className: 'editor-code', text: s.editorCode }),
          ' Viewer code: ',
          el('code', { className: 'viewer-code', text: s.viewerCode }),
        ]),
      );
    }
    // Views.
    parts.push(el('h3', { text: 'Saved views' }));
    if (editor) {
      const viewName = field('View name', 'view-name', 'View name');
      parts.push(
        el('div', { className: 'workshop-save' }, [
          viewName,
          button('Save view', async () => {
            try {
              await api.saveView(s.workshopId, captureView(app, viewName.value.trim() || 'Untitled view'));
              await loadViews();
            } catch (error) {
              fail(error);
            }
          }),
        ]),
      );
    }
    parts.push(
      el(
        'ul',
        { className: 'workshop-views' },
        views.map((v) =>
          el('li', { dataset: { viewId: v.id } }, [
            el('span', { className: 'view-name', text: v.name }),
            button('Open', () => void openView(app, v).catch(fail)),
            editor &&
              button('Delete', async () => {
                try {
                  await api.deleteView(s.workshopId, v.id);
                  await loadViews();
                } catch (error) {
                  fail(error);
                }
              }),
          ]),
        ),
      ),
    );
    // Presenting and following.
    if (editor) {
      parts.push(
        button(
          presenting ? 'Stop presenting' : 'Present',
          () => {
            presenting = !presenting;
            if (presenting) void presentStep(0);
            render();
          },
          { className: 'present-button', title: 'Step through the saved views with ← and →' },
        ),
      );
    }
    const followBox = el('input', { attrs: { type: 'checkbox', name: 'follow' } });
    followBox.checked = following;
    followBox.addEventListener('change', () => (following = followBox.checked));
    parts.push(el('label', { className: 'workshop-follow' }, [followBox, ' Follow the presenter']));
    // Notes on the selected node.
    const node = selectedNode();
    parts.push(el('h3', { text: 'Notes' }));
    if (!node) parts.push(el('p', { className: 'hint', text: 'Select a node to read its notes.' }));
    else {
      parts.push(
        el(
          'ul',
          { className: 'workshop-notes', dataset: { nodeId: node } },
          notes.map((n) =>
            el('li', { className: 'workshop-note' }, [
              el('span', { className: 'note-text', text: n.text }),
              el('span', { className: 'note-author', text: ` — ${n.author}` }),
            ]),
          ),
        ),
      );
      if (editor) {
        const text = el('textarea', { attrs: { name: 'note', 'aria-label': 'New note', rows: '3' } });
        parts.push(
          text,
          button('Add note', async () => {
            if (!text.value.trim()) return;
            try {
              const note = await api.annotate(s.workshopId, node, text.value);
              if (notesFor === node && !notes.some((n) => n.id === note.id)) notes = [...notes, note];
              render();
            } catch (error) {
              fail(error);
            }
          }),
        );
      }
    }
    parts.push(
      button('Leave', () => {
        live?.close();
        live = null;
        session = null;
        presenting = false;
        saveSession(null);
        render();
      }),
    );
    return parts;
  }

  function render(): void {
    const active = document.activeElement;
    // Keep what is being typed: do not rebuild while a field of the panel has focus, except for lists.
    const typing = active instanceof HTMLElement && element.contains(active) && isTyping(active);
    const textarea = element.querySelector('textarea');
    const draft = typing && textarea ? textarea.value : null;
    element.replaceChildren(
      el('h2', { className: 'panel-title', text: 'Workshop' }),
      ...(session ? renderSession(session) : renderJoin()),
    );
    if (draft !== null) {
      const fresh = element.querySelector('textarea');
      if (fresh) {
        fresh.value = draft;
        fresh.focus();
      }
    }
  }

  if (session) start(session);
  else render();

  return {
    element,
    toggle() {
      element.hidden = !element.hidden;
    },
  };
}
