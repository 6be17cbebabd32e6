/**
 * The cmi5 launch URL (cmi5 spec 8.1): the LMS appends `endpoint`, `fetch`, `actor`, `registration` and `activityId`
 * to the AU's url, in any order (8.1.0.0-7). This module only reads and checks them; nothing is sent from here.
 */

/** An xAPI Agent as the LMS gives it in `actor` (8.1.3): an `account` IFI (9.2.0.0-3), kept exactly as given. */
export interface Agent {
  objectType?: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
  [key: string]: unknown;
}

export interface Cmi5Launch {
  /** Base endpoint of the LRS, ending in `/` so resource names can be appended (8.1.1). */
  endpoint: string;
  /** One-time URL that hands out the auth token (8.1.2, 8.2). */
  fetchUrl: string;
  actor: Agent;
  /** The LMS's registration, a UUID (8.1.4). */
  registration: string;
  /** The AU's activity id, the object of every cmi5 defined statement (8.1.5, 9.4.0.0-2). */
  activityId: string;
}

export type LaunchParse =
  | { kind: 'none' }
  | { kind: 'ok'; launch: Cmi5Launch }
  | { kind: 'malformed'; problem: string };

const names = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function absoluteUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function parseActor(value: string): Agent | undefined {
  try {
    const actor = JSON.parse(value) as Partial<Agent> | null;
    const account = actor?.account;
    if (!actor || typeof actor !== 'object' || Array.isArray(actor)) return undefined;
    if (!account || typeof account.homePage !== 'string' || typeof account.name !== 'string') return undefined;
    if (actor.objectType !== undefined && actor.objectType !== 'Agent') return undefined;
    return actor as Agent;
  } catch {
    return undefined;
  }
}

/**
 * Reads the launch parameters from a query string. `none` when none of the five is present (not a cmi5 launch:
 * the page was opened directly or by a SCORM LMS); `malformed` when some are there but not all, or one is invalid,
 * so the shell can say so and fall back to standalone mode instead of sending to a wrong address.
 */
export function parseLaunchParams(search: string): LaunchParse {
  const query = new URLSearchParams(search);
  const present = names.filter((name) => query.get(name));
  if (present.length === 0) return { kind: 'none' };
  const missing = names.filter((name) => !query.get(name));
  if (missing.length > 0) return { kind: 'malformed', problem: `missing ${missing.join(', ')}` };
  const endpoint = absoluteUrl(query.get('endpoint')!);
  if (!endpoint) return { kind: 'malformed', problem: 'endpoint is not an absolute http(s) URL' };
  if (!absoluteUrl(query.get('fetch')!)) return { kind: 'malformed', problem: 'fetch is not an absolute http(s) URL' };
  const actor = parseActor(query.get('actor')!);
  if (!actor) return { kind: 'malformed', problem: 'actor is not an Agent with an account' };
  const registration = query.get('registration')!;
  if (!uuid.test(registration)) return { kind: 'malformed', problem: 'registration is not a UUID' };
  const activityId = query.get('activityId')!;
  if (!absoluteUrl(activityId) && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(activityId)) {
    return { kind: 'malformed', problem: 'activityId is not an IRI' };
  }
  const base = endpoint.href.endsWith('/') ? endpoint.href : `${endpoint.href}/`;
  return { kind: 'ok', launch: { endpoint: base, fetchUrl: query.get('fetch')!, actor, registration, activityId } };
}
