import type { Scorm12Api } from './scorm12/api.ts';
import type { Scorm2004Api } from './scorm2004/api.ts';

/** Which API a package looks for; `auto` (local preview) takes 2004 first, then 1.2. */
export type WantedVersion = '1.2' | '2004' | 'auto';

export type FoundApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** The RTE algorithm's bound on how far up a frame chain to climb (SCORM 2004 RTE 3.3.5, 1.2 RTE 3.3.6.1). */
const maxParentHops = 500;

function readApi(win: Window, name: 'API' | 'API_1484_11'): unknown {
  try {
    return (win as unknown as Record<string, unknown>)[name] ?? undefined;
  } catch {
    return undefined; // A cross-origin frame throws on property access; it cannot hold an API we can use.
  }
}

function parentOf(win: Window): Window | null {
  try {
    return win.parent && win.parent !== win ? win.parent : null;
  } catch {
    return null;
  }
}

function openerOf(win: Window): Window | null {
  try {
    return (win.opener as Window | null) ?? null;
  } catch {
    return null;
  }
}

/** Searches `start` and its parents, then the top window's opener and its parents (the RTE discovery order). */
function search(start: Window, name: 'API' | 'API_1484_11'): unknown {
  let win: Window | null = start;
  let hops = 0;
  let last: Window = start;
  while (win && hops <= maxParentHops) {
    const api = readApi(win, name);
    if (api) return api;
    last = win;
    win = parentOf(win);
    hops++;
  }
  const opener = openerOf(last) ?? openerOf(start);
  if (opener) {
    win = opener;
    hops = 0;
    while (win && hops <= maxParentHops) {
      const api = readApi(win, name);
      if (api) return api;
      win = parentOf(win);
      hops++;
    }
  }
  return undefined;
}

export function findApi(start: Window, wanted: WantedVersion): FoundApi | undefined {
  if (wanted !== '1.2') {
    const api = search(start, 'API_1484_11');
    if (api) return { version: '2004', api: api as Scorm2004Api };
  }
  if (wanted !== '2004') {
    const api = search(start, 'API');
    if (api) return { version: '1.2', api: api as Scorm12Api };
  }
  return undefined;
}

/**
 * Some LMSs attach the API a moment after the content frame starts loading, so discovery polls briefly
 * before falling back to standalone mode.
 */
export async function discoverApi(
  start: Window,
  wanted: WantedVersion,
  { attempts = 10, intervalMs = 200 }: { attempts?: number; intervalMs?: number } = {},
): Promise<FoundApi | undefined> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const found = findApi(start, wanted);
    if (found) return found;
    if (attempt < attempts - 1) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return undefined;
}
