import type { FetchFunction } from './auth.ts';
import type { Statement } from './statements.ts';

/** Everything an xAPI request needs: the base endpoint from the launch URL (8.1.1) and the session's token (8.2). */
export interface LrsClient {
  endpoint: string;
  token: string;
  fetchFn: FetchFunction;
}

/** The xAPI version header every request carries (xAPI 1.0.3 Communication 3.3) and Basic auth (cmi5 8.2.1.0-5). */
export function xapiHeaders(token: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${token}` };
  if (json) headers['Content-Type'] = 'application/json';
  return headers;
}

export function lrsUrl(endpoint: string, resource: string, params: Record<string, string>): string {
  return `${endpoint}${resource}?${new URLSearchParams(params).toString()}`;
}

/** GET of a State or Agent Profile document: the parsed JSON, `undefined` for 404 (no document yet). */
export async function getDocument(
  client: LrsClient,
  resource: string,
  params: Record<string, string>,
): Promise<{ status: number; body?: unknown }> {
  const response = await client.fetchFn(lrsUrl(client.endpoint, resource, params), {
    method: 'GET',
    headers: xapiHeaders(client.token, false),
    cache: 'no-store',
  });
  if (!response.ok) return { status: response.status };
  const text = await response.text();
  try {
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { status: response.status };
  }
}

/** One queued write: statements in order (one POST), or the latest content of a State document (one PUT). */
export type OutboxItem =
  | { kind: 'statements'; statements: Statement[] }
  | { kind: 'state'; params: Record<string, string>; body: string };

/** `retrying`: the LRS is unreachable or failing (5xx), sends are retried; `refused`: 401/403, sending stopped. */
export type OutboxProblem = 'retrying' | 'refused' | undefined;

type SendOutcome = 'sent' | 'retry' | 'refused' | 'dropped';

export interface OutboxOptions {
  client: LrsClient;
  onProblem: (problem: OutboxProblem) => void;
  /** A write the LRS rejected for good (400, 404…): reported, then dropped so the queue does not stall. */
  onRejected: (item: OutboxItem, status: number, text: string) => void;
  /** Back-off between retries; the last value repeats forever (statements are never dropped for an outage). */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * fetch keepalive allows at most 64 KiB of body in flight per page (Fetch standard, "keepalive"); the final
 * writes stay below it with room for headers.
 */
export const keepaliveBodyLimit = 64 * 1024 - 1024;

export interface Outbox {
  push(item: OutboxItem): void;
  /** Items not yet acknowledged by the LRS, oldest first (including one in flight). */
  pending(): readonly OutboxItem[];
  /**
   * The last writes of the session (pagehide or exit): stops the queue and sends what is left plus `last` with
   * keepalive, State first, statements after, so they survive the page going away. Resolves when both answered.
   */
  finish(last: OutboxItem[]): Promise<boolean>;
  readonly refused: boolean;
}

const encoder = new TextEncoder();
export const byteLength = (text: string) => encoder.encode(text).byteLength;

/**
 * The AU's sending queue: strictly in order, one request at a time, so `initialized` reaches the LRS before anything
 * else and `terminated` last (cmi5 9.3.0.0-4/-5). Adjacent statement writes and State writes are merged while waiting.
 */
export function createOutbox({
  client,
  onProblem,
  onRejected,
  retryDelaysMs = [1000, 2000, 5000, 10000, 30000],
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}: OutboxOptions): Outbox {
  const queue: OutboxItem[] = [];
  let busy = false;
  let finished = false;
  let refused = false;
  let problem: OutboxProblem;
  const report = (next: OutboxProblem) => {
    if (next !== problem) onProblem((problem = next));
  };

  const send = async (item: OutboxItem, keepalive: boolean): Promise<SendOutcome> => {
    const body = item.kind === 'statements' ? JSON.stringify(item.statements) : item.body;
    const url =
      item.kind === 'statements'
        ? `${client.endpoint}statements`
        : lrsUrl(client.endpoint, 'activities/state', item.params);
    let status: number;
    let text = '';
    try {
      const response = await client.fetchFn(url, {
        method: item.kind === 'statements' ? 'POST' : 'PUT',
        headers: xapiHeaders(client.token, true),
        body,
        keepalive: keepalive && byteLength(body) <= keepaliveBodyLimit,
        cache: 'no-store',
      });
      status = response.status;
      if (!response.ok) text = await response.text().catch(() => '');
    } catch {
      return 'retry'; // Network error or the page's keepalive quota: the LRS never saw it.
    }
    if (status >= 200 && status < 300) return 'sent';
    // 409: the LRS already holds statements with these ids (an earlier try arrived after all): nothing is lost.
    if (status === 409 && item.kind === 'statements') return 'sent';
    if (status === 401 || status === 403) return 'refused';
    if (status >= 500 || status === 408 || status === 429) return 'retry';
    onRejected(item, status, text);
    return 'dropped';
  };

  const pump = async () => {
    if (busy) return;
    busy = true;
    let attempt = 0;
    while (queue.length > 0 && !finished && !refused) {
      const outcome = await send(queue[0]!, false);
      if (finished) break;
      if (outcome === 'sent' || outcome === 'dropped') {
        queue.shift();
        attempt = 0;
        report(undefined);
      } else if (outcome === 'refused') {
        refused = true;
        report('refused');
      } else {
        report('retrying');
        await sleep(retryDelaysMs[Math.min(attempt++, retryDelaysMs.length - 1)]!);
      }
    }
    busy = false;
  };

  /** Merges into the last waiting item (never the one in flight, queue[0] while busy). */
  const enqueue = (item: OutboxItem) => {
    const firstWaiting = busy ? 1 : 0;
    if (item.kind === 'state') {
      const same = queue.findIndex((queued, index) => index >= firstWaiting && queued.kind === 'state' && queued.params.stateId === item.params.stateId);
      if (same >= 0) {
        queue[same] = item;
        return;
      }
    } else {
      const last = queue.at(-1);
      if (last && last.kind === 'statements' && queue.length - 1 >= firstWaiting) {
        queue[queue.length - 1] = { kind: 'statements', statements: [...last.statements, ...item.statements] };
        return;
      }
    }
    queue.push(item);
  };

  return {
    push(item) {
      if (finished) return;
      enqueue(item);
      void pump();
    },
    pending: () => [...queue],
    get refused() {
      return refused;
    },
    async finish(last) {
      if (finished) return false;
      finished = true;
      if (refused) {
        queue.push(...last);
        return false; // Kept in `pending()` for the driver to keep locally; a refused token will not work now.
      }
      // Everything still queued (an item in flight may arrive twice: statements by id and State by PUT are idempotent).
      const states = new Map<string, OutboxItem>();
      const statements: Statement[] = [];
      for (const item of [...queue, ...last]) {
        if (item.kind === 'state') states.set(item.params.stateId ?? '', item);
        else statements.push(...item.statements);
      }
      queue.length = 0;
      const sends: Array<Promise<SendOutcome>> = [...states.values()].map((item) => send(item, true));
      // Statements beyond the keepalive quota go first without keepalive (a page that stays open still sends them).
      let tail = statements;
      while (tail.length > 1 && byteLength(JSON.stringify(tail)) > keepaliveBodyLimit - [...states.values()].reduce((n, s) => n + (s.kind === 'state' ? byteLength(s.body) : 0), 0)) {
        tail = tail.slice(1);
      }
      const head = statements.slice(0, statements.length - tail.length);
      if (head.length > 0) sends.unshift(send({ kind: 'statements', statements: head }, false));
      if (tail.length > 0) sends.push(send({ kind: 'statements', statements: tail }, true));
      const outcomes = await Promise.all(sends);
      return outcomes.every((outcome) => outcome === 'sent');
    },
  };
}
