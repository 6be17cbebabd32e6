import type { FetchFunction } from './auth.ts';
import type { Cmi5Launch } from './launch-params.ts';

/** A recorded request of the fake LRS. */
export interface Recorded {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  keepalive?: boolean;
}

export const launch: Cmi5Launch = {
  endpoint: 'https://lrs.example.invalid/xapi/',
  fetchUrl: 'https://lms.example.invalid/fetch/abc',
  actor: { objectType: 'Agent', name: '张三', account: { homePage: 'https://lms.example.invalid', name: 'u-001' } },
  registration: '5f0c9a3e-8b1d-4c6e-9a2f-0d3b7e1c4a55',
  activityId: 'https://course.invalid/yks-service-conduct/au',
};

export const contextTemplate = {
  contextActivities: { grouping: [{ objectType: 'Activity' as const, id: 'https://course.invalid/yks-service-conduct/au' }] },
  extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
};

export const launchDataDoc = {
  contextTemplate,
  launchMode: 'Normal',
  masteryScore: 0.8,
  moveOn: 'CompletedAndPassed',
  returnURL: 'https://lms.example.invalid/return',
};

/**
 * An in-memory LRS/LMS fetch function: answers the fetch URL once, serves LaunchData, stores statements and State.
 * `answer` can override any request's status (fault injection).
 */
/** Forces an answer to a request: an HTTP status, or `throw` for a network error; `undefined` = answer normally. */
export type ForcedAnswer = (request: Recorded) => number | 'throw' | undefined;

export function fakeLrs(options: { answer?: ForcedAnswer; launchData?: object } = {}) {
  const requests: Recorded[] = [];
  const statements: Array<Record<string, unknown>> = [];
  const state = new Map<string, string>();
  let fetched = 0;
  const fetchFn: FetchFunction = async (url, init) => {
    const request: Recorded = {
      method: init.method ?? 'GET',
      url: new URL(url),
      headers: (init.headers ?? {}) as Record<string, string>,
      body: init.body as string | undefined,
      keepalive: init.keepalive,
    };
    requests.push(request);
    const reply = (status: number, body = '') => ({
      status,
      ok: status >= 200 && status < 300,
      json: async () => JSON.parse(body) as unknown,
      text: async () => body,
    });
    const forced = options.answer?.(request);
    if (forced === 'throw') throw new TypeError('Failed to fetch');
    if (forced !== undefined) return reply(forced, '{"error":"forced"}');
    if (url === launch.fetchUrl) {
      fetched++;
      return reply(200, JSON.stringify(fetched === 1 ? { 'auth-token': 'dG9rZW4=' } : { 'error-code': '1', 'error-text': 'already used' }));
    }
    const path = request.url.pathname.replace('/xapi/', '');
    if (path === 'activities/state') {
      const key = request.url.searchParams.get('stateId')!;
      if (request.method === 'GET') {
        if (key === 'LMS.LaunchData') return reply(200, JSON.stringify(options.launchData ?? launchDataDoc));
        return state.has(key) ? reply(200, state.get(key)) : reply(404);
      }
      state.set(key, request.body ?? '');
      return reply(204);
    }
    if (path === 'agents/profile') return reply(404);
    if (path === 'statements' && request.method === 'POST') {
      for (const statement of JSON.parse(request.body ?? '[]') as Array<Record<string, unknown>>) {
        if (!statements.some((stored) => stored.id === statement.id)) statements.push(statement);
      }
      return reply(200, '[]');
    }
    return reply(404);
  };
  return { fetchFn, requests, statements, state, fetchCount: () => fetched };
}

/** A Map-backed sessionStorage/localStorage. */
export function memoryStore() {
  const map = new Map<string, string>();
  return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), map };
}

/** Lets queued promise callbacks (the outbox's sends) run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

export const verbOf = (statement: Record<string, unknown>) => ((statement.verb as { id: string }).id.split('/').at(-1) ?? '');
