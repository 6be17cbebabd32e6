import type { ApiRuntimeProfile } from './runtime-profile.ts';

/** An API object found in a window, and the version profile it belongs to. */
export interface FoundApi {
  profile: ApiRuntimeProfile;
  api: unknown;
}

/** The RTE algorithm's bound on how far up a frame chain to climb (SCORM 2004 RTE 3.3.5, 1.2 RTE 3.3.6.1). */
const maxParentHops = 500;

function readApi(win: Window, name: string): unknown {
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
function search(start: Window, name: string): unknown {
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

/** The first profile (in the given order) whose API object is found. */
export function findApi(start: Window, profiles: readonly ApiRuntimeProfile[]): FoundApi | undefined {
  for (const profile of profiles) {
    const api = search(start, profile.apiName);
    if (api) return { profile, api };
  }
  return undefined;
}

/**
 * Some LMSs attach the API a moment after the content frame starts loading, so discovery polls briefly
 * before falling back to standalone mode.
 */
export async function discoverApi(
  start: Window,
  profiles: readonly ApiRuntimeProfile[],
  { attempts = 10, intervalMs = 200 }: { attempts?: number; intervalMs?: number } = {},
): Promise<FoundApi | undefined> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const found = findApi(start, profiles);
    if (found) return found;
    if (attempt < attempts - 1) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return undefined;
}
