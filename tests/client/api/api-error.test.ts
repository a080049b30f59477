import {
  ApiRequestError,
  NETWORK_ERROR,
  cypherErrorMessage,
  errorFromBody,
  plainMessage,
} from '../../../client/api/api-error';
import { createApiClient } from '../../../client/api/api-client';

describe('API errors in plain words', () => {
  it('tells the user to start the server when Neo4j or the server is unreachable', () => {
    expect(plainMessage(new ApiRequestError('DATABASE_UNAVAILABLE', 503, 'down'))).toMatch(
      /^Neo4j is unreachable: is `npm start` running\?/,
    );
    expect(plainMessage(new ApiRequestError(NETWORK_ERROR, 0, 'fetch failed'))).toMatch(/is `npm start` running\?/);
  });

  it('says a write query was refused and a slow one was stopped', () => {
    expect(plainMessage(new ApiRequestError('QUERY_REJECTED', 403, 'CREATE is not allowed'))).toMatch(
      /^Refused: .*read-only.*CREATE/,
    );
    expect(plainMessage(new ApiRequestError('QUERY_TIMEOUT', 408, ''))).toMatch(/took too long/);
  });

  it('calls a rejected console query invalid Cypher and keeps the server message', () => {
    expect(
      cypherErrorMessage(
        new ApiRequestError('INVALID_INPUT', 400, 'Cypher: Invalid input ")": expected an expression'),
      ),
    ).toBe('The query is not valid Cypher: Invalid input ")": expected an expression');
    expect(cypherErrorMessage(new ApiRequestError('QUERY_REJECTED', 403, 'CREATE'))).toMatch(/^Refused/);
  });

  it('reads the code and message from the API error body', () => {
    const error = errorFromBody(404, { error: { code: 'NOT_FOUND', message: 'No node x' } });
    expect(error).toMatchObject({ name: 'ApiRequestError', code: 'NOT_FOUND', status: 404, message: 'No node x' });
    expect(errorFromBody(503, 'garbage').code).toBe('DATABASE_UNAVAILABLE');
  });
});

describe('the API client', () => {
  it('turns a refused connection into a NETWORK error', async () => {
    const api = createApiClient('', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(api.health()).rejects.toMatchObject({ name: 'ApiRequestError', code: NETWORK_ERROR });
  });

  it('turns an error answer into an ApiRequestError with the server code', async () => {
    const api = createApiClient(
      '',
      async () =>
        new Response(JSON.stringify({ error: { code: 'QUERY_REJECTED', message: 'writes are not allowed' } }), {
          status: 403,
        }),
    );
    await expect(api.cypher('CREATE (n)')).rejects.toMatchObject({ code: 'QUERY_REJECTED', status: 403 });
  });

  it('encodes ids in paths and builds search parameters', async () => {
    const urls: string[] = [];
    const api = createApiClient('http://x', async (url) => {
      urls.push(url);
      return new Response('{"query":"","hits":[]}', { status: 200 });
    });
    await api.node('person:a/b');
    await api.search('Shoigu', { types: ['Person'], limit: 5 });
    expect(urls).toEqual(['http://x/api/nodes/person%3Aa%2Fb', 'http://x/api/search?q=Shoigu&types=Person&limit=5']);
  });

  it('takes the export file name from Content-Disposition', async () => {
    const api = createApiClient(
      '',
      async () =>
        new Response('<gexf/>', {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="dossier-view.gexf"' },
        }),
    );
    const file = await api.exportFile('gexf', { nodeIds: ['a'] });
    expect(file.fileName).toBe('dossier-view.gexf');
    expect(await file.blob.text()).toBe('<gexf/>');
  });
});

describe('the API token', () => {
  it('is sent as a bearer token when the session has one', async () => {
    const seen: Array<string | null> = [];
    const api = createApiClient(
      '',
      async (_url, init) => {
        seen.push(new Headers(init?.headers).get('authorization'));
        return new Response('{}', { status: 200 });
      },
      () => 'secret-token-0123456789',
    );
    await api.stats();
    expect(seen).toEqual(['Bearer secret-token-0123456789']);
  });
});
