/**
 * Typed calls to `/api/workshops`: the participant token goes in the `X-Workshop-Token` header, errors
 * become ApiRequestError with the server's code.
 */
import type {
  Annotation,
  CurationRecord,
  CurationSummary,
  Hypothesis,
  Participant,
  PresenterPosition,
  SavedView,
  Workshop,
} from '../../graph/workshop/types';
import type { AnnotationTarget, CurationPayload, PresenterState } from '../../graph/workshop/schemas';
import type { ApiTransport } from '../api/api-client';

export interface JoinAnswer {
  workshop: Workshop;
  participant: Participant;
  token: string;
}

export interface CreateAnswer extends JoinAnswer {
  editorCode: string;
  viewerCode: string;
}

export type ViewBody = Pick<SavedView, 'name' | 'nodeIds' | 'positions' | 'camera' | 'filters' | 'styling'> &
  Partial<Pick<SavedView, 'description' | 'notes'>>;

export interface AnnotationQuery {
  targetKind?: AnnotationTarget;
  targetId?: string;
}

/** What an editor sends to draw a hypothesis (the server fills in id, author and date). */
export type HypothesisBody = Pick<Hypothesis, 'sourceId' | 'targetId' | 'label'> & { note?: string };

/** A curation as the client sends it: defaults the server fills in may be left out. */
export type CurationBody =
  | Exclude<CurationPayload, { kind: 'rename' } | { kind: 'dispute-relation' }>
  | (Omit<Extract<CurationPayload, { kind: 'rename' }>, 'keepOldNameAsAlias'> & { keepOldNameAsAlias?: boolean })
  | (Omit<Extract<CurationPayload, { kind: 'dispute-relation' }>, 'note'> & { note?: string });

export interface WorkshopApi {
  create(name: string, displayName: string): Promise<CreateAnswer>;
  join(code: string, displayName: string): Promise<JoinAnswer>;
  views(workshopId: string): Promise<SavedView[]>;
  view(workshopId: string, viewId: string): Promise<SavedView>;
  saveView(workshopId: string, body: ViewBody): Promise<SavedView>;
  updateView(workshopId: string, viewId: string, patch: Partial<ViewBody>): Promise<SavedView>;
  duplicateView(workshopId: string, viewId: string, name?: string): Promise<SavedView>;
  deleteView(workshopId: string, viewId: string): Promise<void>;
  presentation(workshopId: string): Promise<{ viewIds: string[]; views: SavedView[] }>;
  setPresentation(workshopId: string, viewIds: string[]): Promise<string[]>;
  annotations(workshopId: string, query?: AnnotationQuery): Promise<Annotation[]>;
  annotate(workshopId: string, targetKind: AnnotationTarget, targetId: string, text: string): Promise<Annotation>;
  deleteAnnotation(workshopId: string, annotationId: string): Promise<void>;
  hypotheses(workshopId: string): Promise<Hypothesis[]>;
  addHypothesis(workshopId: string, body: HypothesisBody): Promise<Hypothesis>;
  deleteHypothesis(workshopId: string, hypothesisId: string): Promise<void>;
  curations(workshopId: string, limit?: number): Promise<CurationSummary[]>;
  curate(workshopId: string, body: CurationBody): Promise<CurationRecord>;
  undoCuration(workshopId: string): Promise<CurationRecord>;
  present(workshopId: string, position: Partial<PresenterState>): Promise<PresenterPosition>;
  eventsUrl(workshopId: string): string;
}

/**
 * Workshop calls over the client's one transport (which adds the API token), with the participant's
 * token beside it in `X-Workshop-Token`.
 */
export function createWorkshopApi(getToken: () => string | null, transport: ApiTransport): WorkshopApi {
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers = new Headers();
    const token = getToken();
    if (token) headers.set('x-workshop-token', token);
    if (body !== undefined) headers.set('content-type', 'application/json');
    const response = await transport.send(`/api/workshops${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const ws = (id: string) => `/${encodeURIComponent(id)}`;
  const sub = (id: string, kind: string, itemId: string) => `${ws(id)}/${kind}/${encodeURIComponent(itemId)}`;
  return {
    create: (name, displayName) => send('POST', '', { name, displayName }),
    join: (code, displayName) => send('POST', '/join', { code, displayName }),
    views: async (id) => (await send<{ views: SavedView[] }>('GET', `${ws(id)}/views`)).views,
    view: (id, viewId) => send('GET', sub(id, 'views', viewId)),
    saveView: (id, body) => send('POST', `${ws(id)}/views`, body),
    updateView: (id, viewId, patch) => send('PATCH', sub(id, 'views', viewId), patch),
    duplicateView: (id, viewId, name) => send('POST', `${sub(id, 'views', viewId)}/duplicate`, name ? { name } : {}),
    deleteView: (id, viewId) => send('DELETE', sub(id, 'views', viewId)),
    presentation: (id) => send('GET', `${ws(id)}/presentation`),
    setPresentation: async (id, viewIds) =>
      (await send<{ viewIds: string[] }>('PUT', `${ws(id)}/presentation`, { viewIds })).viewIds,
    annotations: async (id, query = {}) => {
      const params = new URLSearchParams();
      if (query.targetKind) params.set('targetKind', query.targetKind);
      if (query.targetId) params.set('targetId', query.targetId);
      // URLSearchParams writes spaces as '+'; the server reads %20 the same way, and a '+' in an id is %2B.
      const search = params.toString() ? `?${params.toString().replace(/\+/g, '%20')}` : '';
      return (await send<{ annotations: Annotation[] }>('GET', `${ws(id)}/annotations${search}`)).annotations;
    },
    annotate: (id, targetKind, targetId, text) => send('POST', `${ws(id)}/annotations`, { targetKind, targetId, text }),
    deleteAnnotation: (id, annotationId) => send('DELETE', sub(id, 'annotations', annotationId)),
    hypotheses: async (id) => (await send<{ hypotheses: Hypothesis[] }>('GET', `${ws(id)}/hypotheses`)).hypotheses,
    addHypothesis: (id, body) => send('POST', `${ws(id)}/hypotheses`, body),
    deleteHypothesis: (id, hypothesisId) => send('DELETE', sub(id, 'hypotheses', hypothesisId)),
    curations: async (id, limit = 200) =>
      (await send<{ curations: CurationSummary[] }>('GET', `${ws(id)}/curations?limit=${limit}`)).curations,
    curate: (id, body) => send('POST', `${ws(id)}/curations`, body),
    undoCuration: (id) => send('POST', `${ws(id)}/curations/undo`),
    present: async (id, position) =>
      (await send<{ presenter: PresenterPosition }>('POST', `${ws(id)}/presenter`, position)).presenter,
    eventsUrl: (id) => {
      // An EventSource sends no headers: the participant token and, when the server needs one, the API
      // token travel in the query of this one route (both redacted from the server's log).
      const query = new URLSearchParams({ token: getToken() ?? '' });
      const apiToken = transport.apiToken();
      if (apiToken) query.set('access_token', apiToken);
      return `/api/workshops${ws(id)}/events?${query}`;
    },
  };
}
