import { ApiRequestError } from '../../../client/api/api-error';
import { createWorkshopApi } from '../../../client/workshop/workshop-api';

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
    await createWorkshopApi(() => 'secret-token').views('ws-1');
    expect(calls[0].url).toBe('/api/workshops/ws-1/views');
    expect(new Headers(calls[0].init.headers).get('x-workshop-token')).toBe('secret-token');
  });

  it('asks for the notes of one node', async () => {
    answer(200, { annotations: [] });
    await createWorkshopApi(() => 't').annotations('ws-1', 'person:kim jong un');
    expect(calls[0].url).toBe('/api/workshops/ws-1/annotations?targetKind=node&targetId=person%3Akim%20jong%20un');
  });

  it("turns a viewer's refused write into an ApiRequestError with the server's code", async () => {
    answer(403, { error: { code: 'FORBIDDEN', message: 'viewers cannot write' } });
    const error = await createWorkshopApi(() => 't')
      .annotate('ws-1', 'state:russia', 'note')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).code).toBe('FORBIDDEN');
  });

  it('puts the token in the event stream URL, since EventSource cannot set headers', () => {
    expect(createWorkshopApi(() => 'a b').eventsUrl('ws-1')).toBe('/api/workshops/ws-1/events?token=a%20b');
  });

  it('answers nothing for a 204', async () => {
    answer(204, null);
    await expect(createWorkshopApi(() => 't').deleteView('ws-1', 'view-1')).resolves.toBeUndefined();
    expect(calls[0].init.method).toBe('DELETE');
  });
});
