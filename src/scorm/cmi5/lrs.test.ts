import assert from 'node:assert/strict';
import test from 'node:test';
import { fakeLrs, launch, settle, verbOf, type ForcedAnswer } from './fake-lrs.test-support.ts';
import { byteLength, createOutbox, keepaliveBodyLimit, type OutboxItem, type OutboxProblem } from './lrs.ts';
import { sessionStatement, type StatementBase } from './statements.ts';

const base: StatementBase = { actor: launch.actor, activityId: launch.activityId, registration: launch.registration, contextTemplate: {} };
const statements = (...verbs: Array<'initialized' | 'terminated'>): OutboxItem => ({
  kind: 'statements',
  statements: verbs.map((verb) => sessionStatement(base, verb)),
});

function setup(answer?: ForcedAnswer) {
  const lrs = fakeLrs({ answer });
  const problems: OutboxProblem[] = [];
  const rejected: number[] = [];
  const sleeps: number[] = [];
  const outbox = createOutbox({
    client: { endpoint: launch.endpoint, token: 'dG9rZW4=', fetchFn: lrs.fetchFn },
    onProblem: (problem) => problems.push(problem),
    onRejected: (_item, status) => rejected.push(status),
    sleep: (ms) => new Promise((resolve) => (sleeps.push(ms), setImmediate(resolve))),
  });
  return { lrs, outbox, problems, rejected, sleeps };
}

test('every request carries the xAPI version header and Basic auth with the token (cmi5 8.2.1.0-5)', async () => {
  const { lrs, outbox } = setup();
  outbox.push(statements('initialized'));
  outbox.push({ kind: 'state', params: { stateId: 's', activityId: launch.activityId, agent: '{}', registration: launch.registration }, body: '{}' });
  await settle();
  assert.equal(lrs.requests.length, 2);
  for (const request of lrs.requests) {
    assert.equal(request.headers['X-Experience-API-Version'], '1.0.3');
    assert.equal(request.headers.Authorization, 'Basic dG9rZW4=');
    assert.equal(request.headers['Content-Type'], 'application/json');
  }
  assert.equal(lrs.requests[0]!.method, 'POST');
  assert.equal(lrs.requests[0]!.url.href, `${launch.endpoint}statements`);
  assert.equal(lrs.requests[1]!.method, 'PUT');
  assert.equal(lrs.requests[1]!.url.searchParams.get('stateId'), 's');
});

test('5xx and network errors: retried with back-off, in order, nothing lost; the problem clears on success', async () => {
  let failures = 3;
  const { lrs, outbox, problems, sleeps } = setup((request) =>
    request.url.pathname.endsWith('/statements') && failures-- > 0 ? (failures === 1 ? 'throw' : 503) : undefined,
  );
  outbox.push(statements('initialized'));
  outbox.push(statements('terminated'));
  await settle(60);
  assert.deepEqual(lrs.statements.map(verbOf), ['initialized', 'terminated'], 'both arrive, initialized first');
  assert.deepEqual(sleeps, [1000, 2000, 5000]);
  assert.deepEqual(problems, ['retrying', undefined]);
  assert.equal(outbox.pending().length, 0);
});

test('401/403: sending stops at once, the problem is reported and the writes are kept (not dropped)', async () => {
  const { lrs, outbox, problems } = setup(() => 401);
  outbox.push(statements('initialized'));
  await settle();
  outbox.push(statements('terminated'));
  await settle();
  assert.equal(lrs.requests.length, 1, 'no retry against a refused token');
  assert.deepEqual(problems, ['refused']);
  assert.equal(outbox.refused, true);
  assert.deepEqual(outbox.pending().flatMap((item) => (item.kind === 'statements' ? item.statements.map((s) => s.verb.display['en-US']) : [])), ['initialized', 'terminated']);
});

test('a statement the LRS rejects for good (400) is reported and dropped so the queue does not stall; 409 counts as stored', async () => {
  let first = true;
  const { lrs, outbox, rejected } = setup((request) => {
    if (!request.url.pathname.endsWith('/statements')) return undefined;
    if (first) return (first = false), 400;
    return 409;
  });
  outbox.push(statements('initialized'));
  await settle();
  outbox.push(statements('terminated'));
  await settle();
  assert.deepEqual(rejected, [400]);
  assert.equal(lrs.requests.length, 2);
  assert.equal(outbox.pending().length, 0);
});

test('finish: what is left goes with keepalive, terminated last in the same POST, within the 64 KiB keepalive limit', async () => {
  let down = true;
  const { lrs, outbox } = setup((request) => (down && !request.keepalive ? 503 : undefined));
  outbox.push(statements('initialized'));
  await settle(5);
  down = false;
  const ok = await outbox.finish([statements('terminated')]);
  assert.equal(ok, true);
  const final = lrs.requests.filter((request) => request.keepalive);
  assert.equal(final.length, 1);
  assert.ok(byteLength(final[0]!.body!) <= keepaliveBodyLimit);
  assert.deepEqual(lrs.statements.map(verbOf), ['initialized', 'terminated']);
  outbox.push(statements('initialized'));
  await settle();
  assert.equal(lrs.statements.length, 2, 'nothing is sent after finish');
});

test('finish with more than the keepalive quota: the older statements go without keepalive, the tail with it', async () => {
  const { lrs, outbox } = setup((request) => (request.keepalive === undefined || request.keepalive === false) && request.url.pathname.endsWith('/statements') && lrs.requests.length < 3 ? 503 : undefined);
  const big: OutboxItem = {
    kind: 'statements',
    statements: Array.from({ length: 60 }, () => ({ ...sessionStatement(base, 'initialized'), padding: 'x'.repeat(1500) }) as never),
  };
  outbox.push(big);
  await settle(3);
  await outbox.finish([statements('terminated')]);
  const posts = lrs.requests.filter((request) => request.url.pathname.endsWith('/statements')).slice(-2);
  assert.equal(posts[0]!.keepalive, false);
  assert.equal(posts[1]!.keepalive, true);
  assert.ok(byteLength(posts[1]!.body!) <= keepaliveBodyLimit);
  assert.equal(verbOf(JSON.parse(posts[1]!.body!).at(-1)), 'terminated');
  assert.equal(lrs.statements.length, 61);
});
