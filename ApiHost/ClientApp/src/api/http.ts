import { accessToken, forget, refresh } from './session';

/** A refused or failed request, with the problem+json fields of docs/api.md when the server sent them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly errors: Record<string, string[]> | null = null,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  anonymous?: boolean;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers['content-type'] = options.contentType;
  }
  try {
    return await fetch(`/api/v1${path}`, { method: options.method ?? 'GET', headers, body });
  } catch {
    throw new ApiError(0, null, 'The server cannot be reached. Check your connection; the page retries when you try again.');
  }
}

/** Sends a request with the session's token, refreshing it once on 401; throws ApiError for any non-2xx answer. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  let response = await send(path, options, options.anonymous ? null : await accessToken());
  if (response.status === 401 && !options.anonymous) {
    const token = await refresh();
    if (token) response = await send(path, options, token);
    else forget();
  }
  if (!response.ok) throw await toError(response);
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

async function toError(response: Response): Promise<ApiError> {
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    const problem = (await response.json()) as { code?: string; title?: string; detail?: string; errors?: Record<string, string[]> };
    return new ApiError(response.status, problem.code ?? null, problem.detail || problem.title || `HTTP ${response.status}`, problem.errors ?? null);
  }
  return new ApiError(response.status, null, `The server answered ${response.status} ${response.statusText}.`);
}
