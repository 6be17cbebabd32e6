import type { ErrorSink, LmsDriver, LmsProblem } from '../driver.ts';
import { obtainToken, type FetchFunction } from './auth.ts';
import { createCmi5Driver, keptKey } from './driver.ts';
import { parseLaunchParams } from './launch-params.ts';
import { safeSessionStorage, type KeyValueStore } from './session-store.ts';
import { loadStartupDocuments, parseCourseState, type CourseState } from './state.ts';

export type Cmi5Connection = { kind: 'driver'; driver: LmsDriver } | { kind: 'problem'; problem: LmsProblem } | { kind: 'none' };

export interface ConnectDeps {
  fetchFn?: FetchFunction;
  sessionStore?: KeyValueStore;
  keepStore?: KeyValueStore;
  now?: () => number;
}

function safeLocalStorage(): KeyValueStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** What this browser kept after a refusal (driver.ts keepLocally), when newer than what the LRS has. */
function keptState(store: KeyValueStore | undefined, registration: string): CourseState | undefined {
  try {
    const kept = store?.getItem(keptKey(registration));
    return kept ? parseCourseState((JSON.parse(kept) as { state?: unknown }).state) : undefined;
  } catch {
    return undefined;
  }
}

/** Goes to returnURL in the top window when it is ours to navigate (same origin), else in the AU's own window (10.2.6). */
function navigateFrom(win: Window): (url: string) => void {
  return (url) => {
    try {
      if (win.top && win.top !== win && win.top.location.origin === win.location.origin) {
        win.top.location.href = url;
        return;
      }
    } catch {
      // A cross-origin top window: not ours to navigate.
    }
    win.location.href = url;
  };
}

/**
 * A cmi5 launch, start to ready (cmi5 spec 8 and 10): launch URL → auth token (once per session) → LMS.LaunchData
 * → learner preferences → our State document, all before the first statement. Any failure before the driver exists
 * means standalone mode with a notice (`problem`); a page reloaded after `terminated` cannot rejoin its session.
 */
export async function connectCmi5(win: Window, onError: ErrorSink, deps: ConnectDeps = {}): Promise<Cmi5Connection> {
  const parsed = parseLaunchParams(win.location.search);
  if (parsed.kind === 'none') return { kind: 'none' };
  if (parsed.kind === 'malformed') {
    onError({ call: 'cmi5 launch', code: 0, message: `malformed launch URL: ${parsed.problem}` });
    return { kind: 'problem', problem: 'launch-refused' };
  }
  const launch = parsed.launch;
  const fetchFn = deps.fetchFn ?? ((url, init) => win.fetch(url, init));
  const sessionStore = deps.sessionStore ?? safeSessionStorage();
  const keepStore = deps.keepStore ?? safeLocalStorage();
  const token = await obtainToken(launch, fetchFn, sessionStore);
  if (token.kind === 'refused') {
    onError({ call: 'cmi5 fetch', code: 0, message: token.problem });
    return { kind: 'problem', problem: 'launch-refused' };
  }
  if (token.session.terminated) return { kind: 'problem', problem: 'session-ended' };
  const client = { endpoint: launch.endpoint, token: token.session.token, fetchFn };
  const documents = await loadStartupDocuments(client, launch);
  if (documents.kind === 'refused') {
    onError({ call: 'cmi5 launch data', code: 0, message: documents.problem });
    return { kind: 'problem', problem: 'launch-refused' };
  }
  return {
    kind: 'driver',
    driver: createCmi5Driver({
      launch,
      launchData: documents.launchData,
      courseState: documents.courseState ?? keptState(keepStore, launch.registration),
      client,
      session: token.session,
      sessionKey: token.key,
      sessionStore,
      keepStore,
      onError,
      now: deps.now,
      navigate: navigateFrom(win),
    }),
  };
}
