/**
 * Keeps every open page current with the stored documents: the server says when an import job stored
 * documents (whoever uploaded them, from this page, another one, or a workshop) or one was removed. After an
 * import the graph takes what it changed without losing the view (show-imported.ts) and the "What changed"
 * panel opens; after a removal the view drops what is no longer in the graph. Lists of documents read
 * themselves again (`documentsVersion`). Each job is shown once, however this page heard.
 *
 * A page holds one long-lived stream: a browser gives a host six HTTP/1.1 connections, shared by its tabs.
 * Outside a workshop that is the documents stream, opened here; inside one it is the workshop's stream
 * (owned by the workshop panel), which carries the same `documents` frames, and this module's closes.
 */
import type { DocumentsChangedEvent } from '../../graph/model/api-types';
import { plainMessage } from '../api/api-error';
import type { Store } from '../state/store';
import type { WorkshopContext } from '../workshop/workshop-context';
import type { WorkshopSession } from '../workshop/workshop-session';
import type { ChangesPanel } from './changes-panel';
import { changesSummary } from './changes-view';
import { createDocumentsApi } from './documents-api';
import type { DocumentsApp } from './documents-app';
import { planRemovalRefresh } from './documents-refresh';
import { showImported } from './show-imported';

export interface LiveDocuments {
  /** An import job this page followed has ended (it may hear of it again from the stream). */
  importFinished(jobId: string): Promise<void>;
}

export function createLiveDocuments(
  app: Pick<DocumentsApp, 'api' | 'graph' | 'ui' | 'notify' | 'reflectDocuments'>,
  options: {
    panel: ChangesPanel;
    reload: () => Promise<void>;
    /** The workshop this page is in, and the signals of the stream the workshop panel holds for it. */
    workshop: { session: Store<WorkshopSession | null>; live: Pick<WorkshopContext, 'on'> };
  },
): LiveDocuments {
  const api = createDocumentsApi(app.api);
  const shown = new Set<string>();
  const documentsMoved = () => app.ui.update((s) => ({ ...s, documentsVersion: s.documentsVersion + 1 }));

  async function importFinished(jobId: string): Promise<void> {
    if (shown.has(jobId)) return;
    shown.add(jobId);
    documentsMoved();
    try {
      const changes = await api.changesOfJob(jobId);
      const { added, offered } = await showImported(app, changes, options.reload);
      options.panel.show(changes);
      const inView = added ? ` ${added} joined the view` : '';
      const waiting = offered ? `${inView ? ';' : ''} ${offered} not related to the view: see What changed` : '';
      app.notify(`New documents: ${changesSummary(changes)}.${inView}${waiting}${inView || waiting ? '.' : ''}`);
    } catch (error) {
      app.notify(plainMessage(error), 'error');
    }
  }

  /** The view keeps only what is still in the graph, and relations their current evidence. */
  async function removed(): Promise<void> {
    documentsMoved();
    try {
      const patch = await planRemovalRefresh(app.graph, app.api);
      if (patch) app.reflectDocuments(patch);
    } catch (error) {
      app.notify(plainMessage(error), 'error');
    }
  }

  function heard(event: DocumentsChangedEvent): void {
    if (event.action === 'imported' && event.jobId) void importFinished(event.jobId);
    else if (event.action === 'imported') documentsMoved();
    else void removed();
  }

  // A stream (re)opened: what was missed meanwhile, on this stream or while changing streams, is in the
  // lists, read again. Only the page's very first stream has missed nothing.
  let connectedBefore = false;
  function ready(): void {
    if (connectedBefore) documentsMoved();
    connectedBefore = true;
  }

  let own: EventSource | null = null;
  function openOwn(): EventSource {
    const source = new EventSource(api.eventsUrl());
    source.addEventListener('documents', (message) => {
      let event: DocumentsChangedEvent;
      try {
        event = JSON.parse((message as MessageEvent<string>).data) as DocumentsChangedEvent;
      } catch {
        return;
      }
      heard(event);
    });
    // The browser reconnects by itself and says `ready` again.
    source.addEventListener('ready', ready);
    return source;
  }
  // The workshop's stream speaks only while the page is in a workshop.
  options.workshop.live.on('documents', (data) => heard(data as DocumentsChangedEvent));
  options.workshop.live.on('ready', ready);

  function follow(session: WorkshopSession | null): void {
    if (session) {
      own?.close();
      own = null;
    } else own ??= openOwn();
  }
  options.workshop.session.subscribe(follow);
  follow(options.workshop.session.get());
  return { importFinished };
}
