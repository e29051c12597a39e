/** The app's only way to the server: JSON over `/api`, errors turned into sentences a user can act on. */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === null || v === undefined || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `api/${path}${qs ? `?${qs}` : ''}`;
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('Cannot reach the Dateline server. Is `dateline serve` still running?', 0);
  }
  const body = await response.text();
  let data: unknown = null;
  try {
    data = body ? JSON.parse(body) : null;
  } catch {
    // a proxy's HTML error page: reported below by status
  }
  if (!response.ok) {
    const message = data && typeof data === 'object' && 'message' in data ? String((data as { message: unknown }).message) : response.statusText;
    throw new ApiError(`The server answered ${response.status}: ${message || 'no reason given'}`, response.status);
  }
  if (data === null) throw new ApiError('The server sent an empty or unreadable answer.', response.status);
  return data as T;
}

export function getJson<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  return request<T>(apiUrl(path, query), signal ? { signal } : {});
}

export function postJson<T>(path: string, payload: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(apiUrl(path), { method: 'POST', body: JSON.stringify(payload), headers: { 'content-type': 'application/json' }, ...(signal ? { signal } : {}) });
}
