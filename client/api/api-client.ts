/**
 * The explorer's only way to the data: typed calls to the HTTP API. Every failure becomes an
 * ApiRequestError with the server's code (or NETWORK when the server cannot be reached).
 */
import type {
  CypherResponse,
  CypherSchema,
  DocumentDetails,
  DocumentLogEntry,
  DocumentSummary,
  EdgeDetails,
  ExportFormat,
  HealthResponse,
  NeighborsResponse,
  NodeDetails,
  NodeView,
  OverviewResponse,
  PathsResponse,
  SearchResponse,
  StatsResponse,
  Subgraph,
} from '../../graph/model/api-types';
import { ApiRequestError, NETWORK_ERROR, errorFromBody } from './api-error';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The one HTTP transport of the client: every API call goes through it and carries the API token. */
export interface ApiTransport {
  /** Sends a request to an API path; resolves with the response, rejects with an ApiRequestError unless 2xx. */
  send(path: string, init?: RequestInit): Promise<Response>;
  /** The API token of this browser session (DOSSIER_TOKEN), for what cannot send headers (EventSource). */
  apiToken(): string | null;
}

export interface ApiClient extends ApiTransport {
  health(): Promise<HealthResponse>;
  stats(): Promise<StatsResponse>;
  overview(limit?: number): Promise<OverviewResponse>;
  search(q: string, options?: { types?: string[]; limit?: number; signal?: AbortSignal }): Promise<SearchResponse>;
  node(id: string): Promise<NodeDetails>;
  neighbors(id: string, query: string): Promise<NeighborsResponse>;
  paths(
    from: string,
    to: string,
    options?: { maxHops?: number; relTypes?: string[]; throughDocuments?: boolean; limit?: number },
  ): Promise<PathsResponse>;
  edge(id: string): Promise<EdgeDetails>;
  documents(): Promise<DocumentSummary[]>;
  document(id: string): Promise<DocumentDetails>;
  /** Who added or removed which document, newest first. */
  documentLog(limit?: number): Promise<DocumentLogEntry[]>;
  cypher(query: string, params?: Record<string, unknown>): Promise<CypherResponse>;
  /** Labels, relationship types and property keys, for the console's completion. */
  schema(): Promise<CypherSchema>;
  /** The entities with these ids, their facts with each other and with the entities `around` them. */
  subgraph(ids: string[], around?: string[]): Promise<Subgraph>;
  exportFile(
    format: ExportFormat,
    body: { nodeIds?: string[]; query?: string; view?: Record<string, NodeView> },
  ): Promise<{ blob: Blob; fileName: string }>;
}

/** Where the explorer keeps the API token (DOSSIER_TOKEN) for the browser session, when the server needs one. */
export const TOKEN_STORAGE_KEY = 'dossier.token';

export function createApiClient(
  baseUrl = '',
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
  getToken: () => string | null = () => null,
): ApiClient {
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    const token = getToken();
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    try {
      response = await fetchImpl(`${baseUrl}${path}`, { ...init, headers });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new ApiRequestError(NETWORK_ERROR, 0, (error as Error)?.message ?? 'network error');
    }
    if (!response.ok) {
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      // A dev proxy answers 502/504 when the API is down: that is the server being unreachable.
      if (body === null && (response.status === 502 || response.status === 504)) {
        throw new ApiRequestError(NETWORK_ERROR, response.status, `HTTP ${response.status}`);
      }
      throw errorFromBody(response.status, body);
    }
    return response;
  }
  async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
    return (await send(path, { headers: { accept: 'application/json' }, signal })).json() as Promise<T>;
  }
  async function postJson<T>(path: string, body: unknown): Promise<T> {
    const response = await send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    return response.json() as Promise<T>;
  }
  const id = encodeURIComponent;
  return {
    send,
    apiToken: getToken,
    health: () => getJson('/api/health'),
    stats: () => getJson('/api/stats'),
    overview: (limit) => getJson(`/api/graph${limit ? `?limit=${limit}` : ''}`),
    search: (q, options = {}) => {
      const params = new URLSearchParams({ q });
      if (options.types?.length) params.set('types', options.types.join(','));
      if (options.limit) params.set('limit', String(options.limit));
      return getJson(`/api/search?${params}`, options.signal);
    },
    node: (nodeId) => getJson(`/api/nodes/${id(nodeId)}`),
    neighbors: (nodeId, query) => getJson(`/api/nodes/${id(nodeId)}/neighbors${query}`),
    paths: (from, to, options = {}) => {
      const params = new URLSearchParams({ from, to });
      if (options.maxHops) params.set('maxHops', String(options.maxHops));
      if (options.limit) params.set('limit', String(options.limit));
      if (options.relTypes?.length) params.set('relTypes', options.relTypes.join(','));
      if (options.throughDocuments) params.set('throughDocuments', 'true');
      return getJson(`/api/paths?${params}`);
    },
    edge: (edgeId) => getJson(`/api/edges/${id(edgeId)}`),
    documents: async () => {
      const body = await getJson<DocumentSummary[] | { documents: DocumentSummary[] }>('/api/documents');
      return Array.isArray(body) ? body : body.documents;
    },
    document: (docId) => getJson(`/api/documents/${id(docId)}`),
    documentLog: async (limit = 200) =>
      (await getJson<{ entries: DocumentLogEntry[] }>(`/api/documents/log?limit=${limit}`)).entries,
    cypher: (query, params = {}) => postJson('/api/cypher', { query, params }),
    schema: () => getJson('/api/schema'),
    subgraph: (ids, around = []) => postJson('/api/subgraph', { ids, around }),
    exportFile: async (format, body) => {
      const response = await send('/api/export', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format, ...body }),
      });
      const disposition = response.headers.get('content-disposition') ?? '';
      const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
      const fileName = match ? decodeURIComponent(match[1]) : `dossier.${format === 'cypher' ? 'cypher' : format}`;
      return { blob: await response.blob(), fileName };
    },
  };
}
