/**
 * What must survive a reload of the launch page within one AU session: the auth token (the fetch URL hands it out
 * once, cmi5 spec 8.2.3.0-1, so a reload cannot fetch again) and whether `initialized` / `terminated` were sent
 * (9.3.2.0-3: one initialized per session; 9.3.0.0-5: nothing after terminated). Kept in sessionStorage, keyed by
 * registration and fetch URL: the fetch URL is new for every session, so a relaunch in the same tab starts fresh.
 */
export interface SessionRecord {
  token: string;
  initialized: boolean;
  terminated: boolean;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function sessionKey(registration: string, fetchUrl: string): string {
  return `yks-cmi5:${registration}:${fetchUrl}`;
}

export function readSession(store: KeyValueStore | undefined, key: string): SessionRecord | undefined {
  try {
    const saved = store?.getItem(key);
    if (!saved) return undefined;
    const record = JSON.parse(saved) as Partial<SessionRecord>;
    return typeof record.token === 'string'
      ? { token: record.token, initialized: record.initialized === true, terminated: record.terminated === true }
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeSession(store: KeyValueStore | undefined, key: string, record: SessionRecord): void {
  try {
    store?.setItem(key, JSON.stringify(record));
  } catch {
    // Storage refused (private mode, sandbox): the session still works until the page is reloaded.
  }
}

export function safeSessionStorage(): KeyValueStore | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // Some sandboxed iframes throw on access.
  }
}
