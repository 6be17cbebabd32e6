import type { Cmi5Launch } from './launch-params.ts';
import { readSession, sessionKey, writeSession, type KeyValueStore, type SessionRecord } from './session-store.ts';

/** The part of `fetch` the AU uses; tests inject a fake. */
export type FetchFunction = (url: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'ok' | 'json' | 'text'>>;

export type TokenResult =
  | { kind: 'ok'; session: SessionRecord; key: string; reused: boolean }
  | { kind: 'refused'; problem: string };

/**
 * The auth token (cmi5 spec 8.2): POST the fetch URL exactly once per session (8.2.1.0-2, 8.2.3.0-1). The answer is
 * HTTP 200 with `{"auth-token": …}` or, for a refused or reused fetch URL, `{"error-code": "1"|"2"|"3",
 * "error-text": …}` (8.2.3). A reload of the page within the session takes the token from sessionStorage.
 */
export async function obtainToken(launch: Cmi5Launch, fetchFn: FetchFunction, store: KeyValueStore | undefined): Promise<TokenResult> {
  const key = sessionKey(launch.registration, launch.fetchUrl);
  const saved = readSession(store, key);
  if (saved) return { kind: 'ok', session: saved, key, reused: true };
  let body: unknown;
  try {
    const response = await fetchFn(launch.fetchUrl, { method: 'POST', credentials: 'omit', cache: 'no-store' });
    if (!response.ok) return { kind: 'refused', problem: `fetch URL answered HTTP ${response.status}` };
    body = await response.json();
  } catch (error) {
    return { kind: 'refused', problem: `fetch URL unreachable or not JSON: ${String(error)}` };
  }
  const answer = (body ?? {}) as Record<string, unknown>;
  const token = answer['auth-token'];
  if (typeof token !== 'string' || token === '') {
    const code = answer['error-code'];
    return {
      kind: 'refused',
      problem: `fetch URL gave no token${code !== undefined ? ` (error-code ${String(code)}: ${String(answer['error-text'] ?? '')})` : ''}`,
    };
  }
  const session: SessionRecord = { token, initialized: false, terminated: false };
  writeSession(store, key, session);
  return { kind: 'ok', session, key, reused: false };
}
