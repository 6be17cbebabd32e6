import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveCmi5 } from './http.ts';
import { newLms } from './test-helpers.ts';

test('over HTTP: launch, token, a dropped connection, a slow answer, the version header on xAPI replies', async () => {
  const lms = newLms();
  const server = createServer((request, response) => void serveCmi5(lms, '/cmi5', request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const post = (path: string, data: unknown) => fetch(`${base}/cmi5/api/${path}`, { method: 'POST', body: JSON.stringify(data) }).then((r) => r.json());
    const { registration } = await post('registrations', { package: 'pkg', learner: 'h-1' });
    const { url } = await post('launch', { registration });
    const launch = new URL(url).searchParams;
    assert.equal(new URL(url).origin, base, 'the launch URL is absolute, on the origin the request came to');
    const token = (await (await fetch(launch.get('fetch')!, { method: 'POST' })).json())['auth-token'];
    const headers = { authorization: `Basic ${token}`, 'x-experience-api-version': '1.0.3' };
    const stateUrl = `${launch.get('endpoint')}activities/state?${new URLSearchParams({
      activityId: launch.get('activityId')!,
      agent: launch.get('actor')!,
      registration,
      stateId: 'LMS.LaunchData',
    })}`;
    const ok = await fetch(stateUrl, { headers });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('x-experience-api-version'), '1.0.3');
    assert.equal((await ok.json()).launchMode, 'Normal');

    await post('faults', { registration, faults: { unreachable: 1 } });
    await assert.rejects(fetch(stateUrl, { headers }), 'the connection is dropped without an answer');
    await post('faults', { registration, faults: { slowMs: 300 } });
    const started = Date.now();
    assert.equal((await fetch(stateUrl, { headers })).status, 200);
    assert.ok(Date.now() - started >= 290, 'answered late');
  } finally {
    server.close();
  }
});
