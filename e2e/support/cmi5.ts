// Helpers for the cmi5 journeys (e2e/cmi5.spec.ts): the test LMS's own API (e2e/cmi5-lms/lms.ts, mounted under
// /cmi5/ by e2e/server/serve.ts) and the preview LMS's cmi5 mode (e2e/harness/cmi5.html).
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { CourseMode } from '../../src/config/identity.ts';
import { packageName } from '../../src/scorm/package/package-profiles.ts';
import { config } from './packages.ts';
import { shellFrame } from './lms.ts';
import { courseStateId } from '../../src/scorm/cmi5/state.ts';

/** The cmi5 zip's name for the course or the refresher, from course.config.yaml like every other package name. */
export const cmi5Package = (mode: CourseMode = 'course') => packageName(config, mode, 'cmi5');

export interface StoredStatement {
  id: string;
  verb: { id: string };
  object: { id: string; definition?: { type?: string; interactionType?: string } };
  result?: { score?: { scaled?: number; raw?: number }; success?: boolean; completion?: boolean; duration?: string; response?: string };
  context?: { registration?: string; extensions?: Record<string, unknown> };
}

export interface Summary {
  registration: string;
  satisfied: boolean;
  verbs: string[];
  sessions: Array<{ sessionId: string; launchMode: string; fetched: boolean; terminated: boolean; abandoned: boolean; verbs: string[] }>;
  rejections: Array<{ status: number; path: string; requirements: Array<{ id: string; detail: string }> }>;
  maxState: { stateId: string; bytes: number };
  terminatedBodies: Array<{ bytes: number; statements: number }>;
}

/** The short name of a verb IRI: `…/verbs/answered` → `answered`. */
export const shortVerb = (iri: string) => iri.replace(/^.*\//, '');

async function post(request: APIRequestContext, path: string, data: unknown) {
  const response = await request.post(`/cmi5/api/${path}`, { data });
  expect(response.status(), `${path}: ${await response.text()}`).toBeLessThan(300);
  return response.status() === 204 ? undefined : response.json();
}

/**
 * A registration of a learner for a cmi5 package. `suspendData` starts the learner mid-course, as a previous
 * session would have left our State document (the SCORM harness's `suspend=` does the same for SCORM).
 */
export async function newRegistration(
  request: APIRequestContext,
  learner: string,
  { mode = 'course', suspendData }: { mode?: CourseMode; suspendData?: string } = {},
): Promise<string> {
  const pkg = cmi5Package(mode);
  await post(request, 'courses', { package: pkg });
  const { registration } = (await post(request, 'registrations', { package: pkg, learner, name: 'Zhang, San' })) as { registration: string };
  if (suspendData !== undefined) {
    await post(request, 'state', { registration, stateId: courseStateId, document: { location: '', suspendData, completed: false } });
  }
  return registration;
}

export async function setFaults(request: APIRequestContext, registration: string, faults: Record<string, unknown>): Promise<void> {
  await post(request, 'faults', { registration, faults });
}

export async function summary(request: APIRequestContext, registration: string): Promise<Summary> {
  const response = await request.get(`/cmi5/api/registrations/${registration}`);
  expect(response.ok()).toBe(true);
  return response.json();
}

export async function stored(request: APIRequestContext, registration: string): Promise<StoredStatement[]> {
  return (await request.get(`/cmi5/api/statements?registration=${registration}`)).json();
}

/** Opens the preview LMS in cmi5 mode on a registration and waits until the AU is connected (or has given up). */
export async function openCmi5(
  page: Page,
  registration: string,
  learner: string,
  { mode = 'course', launchMode = 'Normal', connected = 'cmi5' }: { mode?: CourseMode; launchMode?: string; connected?: string } = {},
): Promise<void> {
  await page.goto(`/lms/cmi5.html?pkg=${cmi5Package(mode)}&learner=${encodeURIComponent(learner)}&registration=${registration}&mode=${launchMode}`);
  await expect(shellFrame(page).locator('html[data-lms]')).toHaveAttribute('data-lms', connected, { timeout: 10_000 });
}

/** Leaves through 保存并退出: the AU sends terminated and goes to the LMS's returnURL (cmi5 10.2.6). */
export async function exitCourse(page: Page): Promise<void> {
  await shellFrame(page).locator('#shell-exit').click();
  await expect(page.locator('#returned')).toBeVisible();
}

/**
 * What every journey ends with: nothing rejected, and each session's statements in cmi5 order — launched (the
 * LMS's), initialized first from the AU, terminated last (cmi5 9.3.0.0-4/5). Returns the stored summary.
 */
export async function expectCleanSessions(request: APIRequestContext, registration: string, sessions = 1): Promise<Summary> {
  await expect
    .poll(async () => (await summary(request, registration)).sessions.filter((s) => s.terminated).length, { message: 'every session terminated' })
    .toBe(sessions);
  const s = await summary(request, registration);
  expect(s.rejections, JSON.stringify(s.rejections, null, 1)).toEqual([]);
  expect(s.sessions).toHaveLength(sessions);
  for (const session of s.sessions) {
    const verbs = session.verbs.map(shortVerb);
    expect(verbs[0]).toBe('launched');
    expect(verbs[1]).toBe('initialized');
    // The LMS's own `satisfied` may follow the AU's last statement; the AU's last is terminated.
    expect(verbs.filter((v) => v !== 'satisfied').at(-1)).toBe('terminated');
    expect(session.abandoned).toBe(false);
  }
  return s;
}

export const count = (verbs: string[], verb: string) => verbs.map(shortVerb).filter((v) => v === verb).length;

/** The biggest request that carried `terminated` (bytes), for the keepalive bound. */
export const biggestTerminated = (s: Summary) => Math.max(...s.terminatedBodies.map((t) => t.bytes));
