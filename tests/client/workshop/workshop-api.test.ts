import { ApiRequestError } from '../../../client/api/api-error';
import { createApiClient } from '../../../client/api/api-client';
import { createWorkshopApi } from '../../../client/workshop/workshop-api';

/** The workshop API over the client's one transport, as the app builds it. */
const workshopApi = (token: string, apiToken: string | null = null) =>
  createWorkshopApi(
    () => token,
    createApiClient('', undefined, () => apiToken),
  );

describe('the workshop API client', () => {
  const realFetch = global.fetch;
  let calls: Array<{ url: string; init: RequestInit }>;

  function answer(status: number, body: unknown): void {
    calls = [];
    global.fetch = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(status === 204 ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
  }

  afterEach(() => {
    global.fetch = realFetch;
  });

  it('sends the participant token in the X-Workshop-Token header', async () => {
    answer(200, { views: [] });
    await workshopApi('secret-token').views('ws-1');
    expect(calls[0].url).toBe('/api/workshops/ws-1/views');
    expect(new Headers(calls[0].init.headers).get('x-workshop-token')).toBe('secret-token');
  });

  it('asks for the notes of one node', async () => {
    answer(200, { annotations: [] });
    await workshopApi('t').annotations('ws-1', { targetKind: 'node', targetId: 'person:kim jong un' });
    expect(calls[0].url).toBe('/api/workshops/ws-1/annotations?targetKind=node&targetId=person%3Akim%20jong%20un');
  });

  it('asks for every note of the workshop when no target is named', async () => {
    answer(200, { annotations: [] });
    await workshopApi('t').annotations('ws-1');
    expect(calls[0].url).toBe('/api/workshops/ws-1/annotations');
  });

  it('writes a note on a relation or a view with its target kind', async () => {
    answer(201, { id: 'ann-1' });
    await workshopApi('t').annotate('ws-1', 'edge', 'rel-1', 'Only one source.');
    expect(calls[0].url).toBe('/api/workshops/ws-1/annotations');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      targetKind: 'edge',
      targetId: 'rel-1',
      text: 'Only one source.',
    });
  });

  it('sends a curation and the undo of the latest one', async () => {
    answer(201, { id: 'cur-1' });
    const api = workshopApi('t');
    await api.curate('ws-1', { kind: 'rename', entityId: 'state:russia', name: 'Russian Federation' });
    await api.undoCuration('ws-1');
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['POST', '/api/workshops/ws-1/curations'],
      ['POST', '/api/workshops/ws-1/curations/undo'],
    ]);
  });

  it('puts the presentation order', async () => {
    answer(200, { viewIds: ['v2', 'v1'] });
    await expect(workshopApi('t').setPresentation('ws-1', ['v2', 'v1'])).resolves.toEqual(['v2', 'v1']);
    expect(calls[0].init.method).toBe('PUT');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ viewIds: ['v2', 'v1'] });
  });

  it("turns a viewer's refused write into an ApiRequestError with the server's code", async () => {
    answer(403, { error: { code: 'FORBIDDEN', message: 'viewers cannot write' } });
    const error = await workshopApi('t')
      .annotate('ws-1', 'node', 'state:russia', 'note')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).code).toBe('FORBIDDEN');
  });

  it('puts the token in the event stream URL, since EventSource cannot set headers', () => {
    const url = new URL(workshopApi('a b').eventsUrl('ws-1'), 'http://localhost');
    expect(url.pathname).toBe('/api/workshops/ws-1/events');
    expect(url.searchParams.get('token')).toBe('a b');
    expect(url.searchParams.has('access_token')).toBe(false); // no API token in this session
  });

  it('answers nothing for a 204', async () => {
    answer(204, null);
    await expect(workshopApi('t').deleteView('ws-1', 'view-1')).resolves.toBeUndefined();
    expect(calls[0].init.method).toBe('DELETE');
  });

  it('sends the API token on every workshop call and puts it in the event stream URL', async () => {
    answer(200, { views: [] });
    const api = workshopApi('participant-token', 'api-token-0123456789');
    await api.views('ws-1');
    expect(new Headers(calls[0].init.headers).get('authorization')).toBe('Bearer api-token-0123456789');
    expect(new Headers(calls[0].init.headers).get('x-workshop-token')).toBe('participant-token');
    const url = new URL(api.eventsUrl('ws-1'), 'http://localhost');
    expect(url.searchParams.get('access_token')).toBe('api-token-0123456789');
    expect(url.searchParams.get('token')).toBe('participant-token');
  });
});
