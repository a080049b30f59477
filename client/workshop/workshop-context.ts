/**
 * What the workshop's panels share: the session, the saved views and the presentation order (small
 * stores), the API, and the live events fanned out to whichever panel listens. Panels never talk to each
 * other directly; they read these stores and listen to these signals.
 */
import type { SavedView, WorkshopEventType } from '../../graph/workshop/types';
import type { DossierApp } from '../app';
import type { ViewGraphReader } from '../graph/view-graph';
import { plainMessage } from '../api/api-error';
import { createStore, type Store } from '../state/store';
import type { WorkshopApi } from './workshop-api';
import type { WorkshopSession } from './workshop-session';

/** The workshop's events, and the stream's own: `ready`, `resync`, and `documents` (the documents feed's). */
export type WorkshopSignal = WorkshopEventType | 'ready' | 'resync' | 'documents';

/**
 * What the workshop's panels use of the explorer: the view to read (the graph read-only) and the actions
 * that change it. The history, the layout and the graph's writers stay app.ts's.
 */
export type WorkshopApp = Pick<
  DossierApp,
  | 'api'
  | 'view'
  | 'filters'
  | 'appearance'
  | 'graphView'
  | 'ui'
  | 'notify'
  | 'select'
  | 'focusNode'
  | 'loadNodes'
  | 'openView'
  | 'reflectCuration'
  | 'syncHypotheses'
> & { graph: ViewGraphReader };

export interface WorkshopContext {
  app: WorkshopApp;
  api: WorkshopApi;
  session: Store<WorkshopSession | null>;
  views: Store<SavedView[]>;
  presentation: Store<string[]>;
  isEditor(): boolean;
  fail(error: unknown): void;
  on(signal: WorkshopSignal, handler: (data: unknown) => void): void;
  emit(signal: WorkshopSignal, data: unknown): void;
  loadViews(): Promise<void>;
  loadPresentation(): Promise<void>;
}

export function createWorkshopContext(
  app: WorkshopApp,
  api: WorkshopApi,
  initial: WorkshopSession | null,
): WorkshopContext {
  const session = createStore<WorkshopSession | null>(initial);
  const views = createStore<SavedView[]>([]);
  const presentation = createStore<string[]>([]);
  const listeners = new Map<WorkshopSignal, Set<(data: unknown) => void>>();
  const fail = (error: unknown) => app.notify(plainMessage(error), 'error');
  const ctx: WorkshopContext = {
    app,
    api,
    session,
    views,
    presentation,
    isEditor: () => session.get()?.role === 'editor',
    fail,
    on(signal, handler) {
      let set = listeners.get(signal);
      if (!set) listeners.set(signal, (set = new Set()));
      set.add(handler);
    },
    emit(signal, data) {
      for (const handler of [...(listeners.get(signal) ?? [])]) handler(data);
    },
    async loadViews() {
      const s = session.get();
      if (!s) return views.update(() => []);
      try {
        const loaded = await api.views(s.workshopId);
        if (session.get() === s) views.update(() => loaded);
      } catch (error) {
        fail(error);
      }
    },
    async loadPresentation() {
      const s = session.get();
      if (!s) return presentation.update(() => []);
      try {
        const { viewIds } = await api.presentation(s.workshopId);
        if (session.get() === s) presentation.update(() => viewIds);
      } catch (error) {
        fail(error);
      }
    },
  };
  ctx.on('view-saved', () => void ctx.loadViews());
  ctx.on('view-deleted', () => void Promise.all([ctx.loadViews(), ctx.loadPresentation()]));
  ctx.on('presentation-changed', (data) => {
    const viewIds = (data as { viewIds?: unknown }).viewIds;
    if (Array.isArray(viewIds)) presentation.update(() => viewIds.map(String));
  });
  ctx.on('resync', () => void Promise.all([ctx.loadViews(), ctx.loadPresentation()]));
  session.subscribe(() => void Promise.all([ctx.loadViews(), ctx.loadPresentation()]));
  return ctx;
}

/** An input with a name, a placeholder and an accessible label. */
export function field(label: string, name: string, placeholder = label): HTMLInputElement {
  const input = document.createElement('input');
  input.name = name;
  input.placeholder = placeholder;
  input.autocomplete = 'off';
  input.setAttribute('aria-label', label);
  return input;
}

/** Runs an editor's action and reports a failure in plain words instead of throwing. */
export function attempt(ctx: WorkshopContext, action: () => Promise<unknown>): () => void {
  return () => void action().catch((error: unknown) => ctx.fail(error));
}
