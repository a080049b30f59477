/**
 * The workshop panel: create or join a workshop, then the workshop's sections — saved views, the
 * presentation, hypotheses, curation of the selection, the curation log and every note — fed by one live
 * event stream. Notes on the selection sit in the details panel (`selectionNotes`). A shareable link
 * (`?workshop=…&view=…`) opens its view, after joining when this tab has no token for that workshop.
 * Every text from the server is rendered with textContent (through `el`).
 */
import type { CurationSummary, SavedView } from '../../graph/workshop/types';
import { WORKSHOP_EVENT_TYPES } from '../../graph/workshop/types';
import type { DossierApp } from '../app';
import { button, el } from '../ui/dom';
import { createAuditLog } from './audit-log';
import { createCurationPanel } from './curation-panel';
import { curationEntityIds, curationRelationId } from './curation-words';
import { createHypotheses } from './hypotheses';
import { createNotesList, createSelectionNotes } from './notes';
import { createPresenter } from './presenter';
import { readShareLink, type ShareTarget } from './share-link';
import { openSavedView } from './view-capture';
import { createViewsSection } from './views-section';
import { createWorkshopApi, type JoinAnswer } from './workshop-api';
import { attempt, createWorkshopContext, field, type WorkshopContext, type WorkshopSignal } from './workshop-context';
import { connectLive, type LiveConnection } from './workshop-live';
import { loadSession, saveSession, type WorkshopSession } from './workshop-session';
import type { Store } from '../state/store';

export interface WorkshopPanel {
  element: HTMLElement;
  /** Notes on the selected node or relation, for the foot of the details panel. */
  selectionNotes: HTMLElement;
  /** The workshop this tab has joined (its role decides what else the page offers). */
  session: Store<WorkshopSession | null>;
  /**
   * The signals of the workshop's stream, while the tab is in a workshop: this panel owns that stream, and
   * the documents' changes come on it too (live-documents listens here instead of holding a second one).
   */
  live: Pick<WorkshopContext, 'on'>;
  toggle(): void;
  /** After the first graph load: opens the view a shareable link names (or asks to join first). */
  openFromLink(): Promise<void>;
}

function sessionFrom(answer: JoinAnswer, codes: { editorCode?: string; viewerCode?: string } = {}): WorkshopSession {
  return {
    workshopId: answer.workshop.id,
    workshopName: answer.workshop.name,
    displayName: answer.participant.displayName,
    role: answer.participant.role,
    token: answer.token,
    ...codes,
  };
}

export function createWorkshopPanel(app: DossierApp): WorkshopPanel {
  let token: string | null = loadSession()?.token ?? null;
  const api = createWorkshopApi(() => token, app.api);
  const ctx = createWorkshopContext(app, api, null);
  const element = el('section', { className: 'workshop', attrs: { 'aria-label': 'Workshop' } });
  element.hidden = true;
  const head = el('div', { className: 'workshop-head' });
  const views = createViewsSection(ctx);
  const presenter = createPresenter(ctx);
  const hypotheses = createHypotheses(ctx);
  const curation = createCurationPanel(ctx);
  const auditLog = createAuditLog(ctx);
  const notesList = createNotesList(ctx);
  const selectionNotes = createSelectionNotes(ctx);
  const body = el('div', { className: 'workshop-body' }, [
    views.element,
    presenter.element,
    curation.element,
    hypotheses,
    auditLog,
    notesList,
  ]);
  element.append(el('h2', { className: 'panel-title', text: 'Workshop' }), head, body);
  let live: LiveConnection | null = null;
  let pendingLink: ShareTarget | null = null;

  // Curations change the shared graph: whoever made one (here or elsewhere), the view shows it.
  async function reflect(data: unknown): Promise<void> {
    const summary = data as CurationSummary;
    try {
      await app.reflectCuration(summary);
    } catch (error) {
      ctx.fail(error);
    }
    // Redraw the curation fields only when the selection was touched: someone may be typing in them.
    const selection = app.view.get().selection;
    const touched = [...curationEntityIds(summary), curationRelationId(summary)];
    if (selection && touched.includes(selection.id)) curation.render();
  }
  ctx.on('curation-applied', (data) => void reflect(data));
  ctx.on('curation-undone', (data) => void reflect(data));
  ctx.on('ready', () => (element.dataset.live = 'ready'));

  function start(next: WorkshopSession): void {
    token = next.token;
    saveSession(next);
    live?.close();
    element.dataset.live = 'connecting';
    const handlers: Partial<Record<WorkshopSignal, (data: unknown) => void>> = {};
    for (const signal of [...WORKSHOP_EVENT_TYPES, 'ready', 'resync', 'documents'] as const)
      handlers[signal] = (data) => ctx.emit(signal, data);
    live = connectLive(api.eventsUrl(next.workshopId), handlers);
    ctx.session.update(() => next);
    renderHead();
  }

  function leave(): void {
    presenter.stop();
    live?.close();
    live = null;
    token = null;
    saveSession(null);
    delete element.dataset.live;
    ctx.session.update(() => null);
    renderHead();
  }

  async function openLinkedView(link: ShareTarget): Promise<void> {
    pendingLink = null;
    renderHead();
    if (!link.viewId) return;
    const view: SavedView = await api.view(link.workshopId, link.viewId);
    await openSavedView(app, view);
    element.dataset.openedView = view.id;
    app.notify(`Opened the view "${view.name}".`);
  }

  function renderJoin(): HTMLElement[] {
    const name = field('Workshop name', 'workshop-name');
    const creator = field('Your name', 'creator-name');
    const code = field('Join code', 'join-code');
    const joiner = field('Your name', 'joiner-name');
    const create = button(
      'Create workshop',
      attempt(ctx, async () => {
        const a = await api.create(name.value.trim(), creator.value.trim());
        start(sessionFrom(a, { editorCode: a.editorCode, viewerCode: a.viewerCode }));
      }),
    );
    const join = button(
      'Join workshop',
      attempt(ctx, async () => {
        const a = await api.join(code.value.trim(), joiner.value.trim());
        const link = pendingLink;
        start(sessionFrom(a));
        if (link && link.workshopId === a.workshop.id) await openLinkedView(link);
        else if (link)
          app.notify('That code is for another workshop than the link: the linked view stays closed.', 'error');
      }),
    );
    const joinPart: Array<HTMLElement | null> = [
      el('h3', { text: 'Join a workshop' }),
      pendingLink
        ? el('p', {
            className: 'share-link-notice',
            text: `You opened a link to a view of workshop ${pendingLink.workshopId}. Join it with a code of that workshop to see the view.`,
          })
        : null,
      el('div', { className: 'workshop-join', dataset: pendingLink ? { workshopId: pendingLink.workshopId } : {} }, [
        code,
        joiner,
        join,
      ]),
    ];
    const createPart: Array<HTMLElement | null> = [
      el('h3', { text: 'Create a workshop' }),
      el('div', { className: 'workshop-create' }, [name, creator, create]),
    ];
    // Someone who came with a link needs to join, not to create: put that first.
    const parts = pendingLink ? [...joinPart, ...createPart] : [...createPart, ...joinPart];
    return parts.filter((part): part is HTMLElement => part !== null);
  }

  function renderHead(): void {
    const s = ctx.session.get();
    body.hidden = !s;
    if (!s) return head.replaceChildren(...renderJoin());
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
    if (pendingLink) parts.push(...renderJoin().slice(0, 3));
    parts.push(button('Leave', leave, { className: 'leave-workshop' }));
    head.replaceChildren(...parts);
  }

  const saved = loadSession();
  if (saved) start(saved);
  else renderHead();

  return {
    element,
    selectionNotes,
    session: ctx.session,
    live: { on: (signal, handler) => ctx.on(signal, handler) },
    toggle() {
      element.hidden = !element.hidden;
    },
    async openFromLink() {
      const link = readShareLink(location.search);
      if (!link) return;
      element.hidden = false;
      const s = ctx.session.get();
      if (s && s.workshopId === link.workshopId) {
        await openLinkedView(link).catch((error: unknown) => ctx.fail(error));
        return;
      }
      pendingLink = link;
      renderHead();
      (element.querySelector('input[name="join-code"]') as HTMLInputElement | null)?.focus();
    },
  };
}
