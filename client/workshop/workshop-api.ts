/**
 * Typed calls to `/api/workshops`: the participant token goes in the `X-Workshop-Token` header, errors
 * become ApiRequestError with the server's code.
 */
import type { Annotation, Participant, PresenterPosition, SavedView, Workshop } from '../../graph/workshop/types';
import type { PresenterState } from '../../graph/workshop/schemas';
import { ApiRequestError, NETWORK_ERROR, errorFromBody } from '../api/api-error';

export interface JoinAnswer {
  workshop: Workshop;
  participant: Participant;
  token: string;
}

export interface CreateAnswer extends JoinAnswer {
  editorCode: string;
  viewerCode: string;
}

export type ViewBody = Pick<SavedView, 'name' | 'nodeIds' | 'positions' | 'camera' | 'filters'>;

export interface WorkshopApi {
  create(name: string, displayName: string): Promise<CreateAnswer>;
  join(code: string, displayName: string): Promise<JoinAnswer>;
  views(workshopId: string): Promise<SavedView[]>;
  saveView(workshopId: string, body: ViewBody): Promise<SavedView>;
  deleteView(workshopId: string, viewId: string): Promise<void>;
  annotations(workshopId: string, targetId: string): Promise<Annotation[]>;
  annotate(workshopId: string, targetId: string, text: string): Promise<Annotation>;
  present(workshopId: string, position: Partial<PresenterState>): Promise<PresenterPosition>;
  eventsUrl(workshopId: string): string;
}

export function createWorkshopApi(getToken: () => string | null, baseUrl = ''): WorkshopApi {
  async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers = new Headers();
    const token = getToken();
    if (token) headers.set('x-workshop-token', token);
    if (body !== undefined) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/workshops${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiRequestError(NETWORK_ERROR, 0, (error as Error)?.message ?? 'network error');
    }
    if (!response.ok) throw errorFromBody(response.status, await response.json().catch(() => null));
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const ws = (id: string) => `/${encodeURIComponent(id)}`;
  return {
    create: (name, displayName) => send('POST', '', { name, displayName }),
    join: (code, displayName) => send('POST', '/join', { code, displayName }),
    views: async (id) => (await send<{ views: SavedView[] }>('GET', `${ws(id)}/views`)).views,
    saveView: (id, body) => send('POST', `${ws(id)}/views`, body),
    deleteView: (id, viewId) => send('DELETE', `${ws(id)}/views/${encodeURIComponent(viewId)}`),
    annotations: async (id, targetId) =>
      (
        await send<{ annotations: Annotation[] }>(
          'GET',
          `${ws(id)}/annotations?targetKind=node&targetId=${encodeURIComponent(targetId)}`,
        )
      ).annotations,
    annotate: (id, targetId, text) => send('POST', `${ws(id)}/annotations`, { targetKind: 'node', targetId, text }),
    present: async (id, position) =>
      (await send<{ presenter: PresenterPosition }>('POST', `${ws(id)}/presenter`, position)).presenter,
    eventsUrl: (id) => `${baseUrl}/api/workshops${ws(id)}/events?token=${encodeURIComponent(getToken() ?? '')}`,
  };
}
