/**
 * The documents list: a dialog opened from the toolbar with every stored document — title, source,
 * published date, format, pages or words, the entities and relations it contributes, when it was
 * imported — and for each: read it, see what its import changed, remove it (with what only it holds; the
 * analysts' curations are re-applied). Viewers of a workshop see Remove disabled with the reason. An edited
 * document imported again replaces its old version, so it is listed once.
 */
import type { DocumentListItem } from '../../graph/model/api-types';
import { plainMessage } from '../api/api-error';
import { createStore, type Store } from '../state/store';
import { confirmAction } from '../ui/confirm-dialog';
import { button, el } from '../ui/dom';
import type { WorkshopSession } from '../workshop/workshop-session';
import type { ChangesPanel } from './changes-panel';
import { createDocumentsApi } from './documents-api';
import type { DocumentsApp } from './documents-app';

export interface DocumentsPanel {
  button: HTMLButtonElement;
  open(): void;
}

type ListState = { documents: DocumentListItem[]; total: number; error: string | null; loading: boolean };

/** "12 pages" for a PDF, else "1,234 words". */
export function lengthText(doc: Pick<DocumentListItem, 'pages' | 'wordCount'>): string {
  if (doc.pages) return `${doc.pages} page${doc.pages === 1 ? '' : 's'}`;
  return `${doc.wordCount.toLocaleString('en')} word${doc.wordCount === 1 ? '' : 's'}`;
}

export function createDocumentsPanel(
  app: Pick<DocumentsApp, 'api' | 'ui' | 'notify' | 'openReader'>,
  options: { session: Store<WorkshopSession | null>; changes: ChangesPanel },
): DocumentsPanel {
  const api = createDocumentsApi(app.api);
  const state = createStore<ListState>({ documents: [], total: 0, error: null, loading: false });

  const removeRefusal = (): string | null => {
    const s = options.session.get();
    return s && s.role !== 'editor'
      ? `Viewers of the workshop "${s.workshopName}" cannot remove documents; an editor can.`
      : null;
  };

  async function load(): Promise<void> {
    state.update((s) => ({ ...s, loading: true }));
    try {
      const list = await api.list();
      state.update(() => ({ documents: list.documents, total: list.total, error: null, loading: false }));
    } catch (error) {
      state.update((s) => ({ ...s, error: plainMessage(error), loading: false }));
    }
  }

  async function showChanges(doc: DocumentListItem): Promise<void> {
    try {
      options.changes.show(await api.changesOfDocument(doc.id));
      dialog.close();
    } catch (error) {
      app.notify(plainMessage(error), 'error');
    }
  }

  async function remove(doc: DocumentListItem): Promise<void> {
    const reason = removeRefusal();
    if (reason) return app.notify(reason, 'error');
    const confirmed = await confirmAction({
      title: 'Remove the document',
      message: `Remove "${doc.title}"? Its mentions and evidence go, and so do the facts and entities only it supports. Curations are kept and applied again.`,
      confirm: 'Remove',
    });
    if (!confirmed) return;
    const s = options.session.get();
    try {
      await api.remove(doc.id, s ? { workshopId: s.workshopId, token: s.token } : null);
      app.notify(`Removed "${doc.title}".`);
      app.ui.update((u) => ({ ...u, documentsVersion: u.documentsVersion + 1 }));
    } catch (error) {
      app.notify(plainMessage(error), 'error');
    }
  }

  const dialog = el('dialog', { className: 'documents-dialog', attrs: { 'aria-label': 'Documents' } });
  const body = el('div', { className: 'documents-body' });
  dialog.append(
    el('div', { className: 'documents-head' }, [
      el('h2', { text: 'Documents' }),
      button('Close', () => dialog.close(), { className: 'link' }),
    ]),
    body,
  );
  document.body.append(dialog);

  function row(doc: DocumentListItem): HTMLElement {
    const refusal = removeRefusal();
    const removeButton = button('Remove', () => void remove(doc), {
      className: 'danger small',
      title: refusal ?? 'Remove the document and what only it contributed',
    });
    removeButton.disabled = refusal !== null;
    return el('tr', { dataset: { documentId: doc.id } }, [
      el('td', { className: 'doc-title', text: doc.title, title: doc.path }),
      el('td', { text: doc.source ?? '—' }),
      el('td', { text: doc.published?.slice(0, 10) ?? '—' }),
      el('td', { text: doc.format ?? '—' }),
      el('td', { className: 'number', text: lengthText(doc) }),
      el('td', { className: 'number doc-entities', text: String(doc.entityCount) }),
      el('td', { className: 'number doc-relations', text: String(doc.relationCount) }),
      el('td', { text: doc.importedAt ? new Date(doc.importedAt).toLocaleString() : '—' }),
      el('td', { className: 'doc-actions' }, [
        button(
          'Read',
          () => {
            dialog.close();
            app.openReader({ documentId: doc.id, highlight: null });
          },
          { className: 'small', title: 'Open the document in the reader' },
        ),
        button('What changed', () => void showChanges(doc), {
          className: 'small',
          title: 'What importing this document changed in the graph',
        }),
        removeButton,
      ]),
    ]);
  }

  function render(): void {
    const { documents, total, error, loading } = state.get();
    if (error) return body.replaceChildren(el('p', { className: 'error-text', text: error }));
    if (!documents.length)
      return body.replaceChildren(
        el('p', { className: 'hint', text: loading ? 'Loading…' : 'No document imported yet.' }),
      );
    const headings = ['Title', 'Source', 'Published', 'Format', 'Length', 'Entities', 'Relations', 'Imported', ''];
    body.replaceChildren(
      el('p', {
        className: 'hint small',
        text:
          total > documents.length
            ? `The ${documents.length} most recently published of ${total} documents.`
            : `${total} document${total === 1 ? '' : 's'}. Entities and relations: what each one contributes now.`,
      }),
      el('table', { className: 'documents-table' }, [
        el('thead', {}, [
          el(
            'tr',
            {},
            headings.map((h) => el('th', { text: h })),
          ),
        ]),
        el('tbody', {}, documents.map(row)),
      ]),
    );
  }
  state.subscribe(render);
  options.session.subscribe(render);
  app.ui.subscribe((s, previous) => {
    if (s.documentsVersion !== previous.documentsVersion && dialog.open) void load();
  });

  function open(): void {
    if (!dialog.open) dialog.showModal();
    render();
    void load();
  }
  const openButton = button('Documents', () => open(), {
    className: 'documents-button',
    title: 'The documents: read, see what each import changed, remove',
  });
  return { button: openButton, open };
}
