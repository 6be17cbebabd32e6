// The test LMS + LRS: the LMS side of the cmi5 specification (sections 8–11) for CI and the preview harness.
// It imports a course from a cmi5 zip, creates registrations, launches AUs (launched statement, LMS.LaunchData,
// one-time fetch URL), serves the xAPI Statement, State and Agent Profile resources, and enforces the AU
// requirements (rules.ts): a statement that breaks one gets 400 naming the requirement ids, and the rejection is
// kept so a test can assert there were none. It computes satisfaction per moveOn and writes `satisfied`.
//
// Transport-free: `handle()` takes a parsed request and returns a reply; http.ts puts it on Node's http server.
import { randomBytes, randomUUID } from 'node:crypto';
import { ImportError, readCourseStructure, type AuStructure, type CourseStructure } from './course-structure.ts';
import { requirementText } from './requirements.ts';
import {
  applyStatement,
  checkStatement,
  isObject,
  jsonEqual,
  type ContextTemplate,
  type Json,
  type JsonObject,
  type RegistrationFacts,
  type SessionFacts,
  type Violation,
} from './rules.ts';
import {
  activityTypes,
  categories,
  extensions,
  launchDataStateId,
  launchModes,
  learnerPreferencesProfileId,
  verbName,
  verbs,
  xapiVersion,
  type LaunchMode,
} from './vocabulary.ts';

export interface LmsRequest {
  method: string;
  /** The path below the LMS's mount point, e.g. `/xapi/statements`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: Uint8Array;
  /** `http://host:port` as the browser reached the server: launch URLs are absolute (spec 8.1). */
  origin: string;
}

export interface LmsReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Fault switch "unreachable": the transport drops the connection without an answer. */
  drop?: boolean;
  /** Fault switch "slow": the transport answers this much later. */
  delayMs?: number;
}

export interface Rejection {
  at: string;
  registration: string | undefined;
  sessionId: string | undefined;
  method: string;
  path: string;
  status: number;
  requirements: Array<{ id: string; txt: string; detail: string }>;
  statement?: Json;
}

/** Per-registration fault switches (tests run in parallel against one server, so faults never leak). */
export interface Faults {
  /** The fetch URL answers with error-code 2 (general security error) instead of a token. */
  tokenRefused?: boolean;
  /** The fetch URL counts as already used: it answers error-code 1 (spec 8.2.3). */
  tokenReused?: boolean;
  /** The next `count` xAPI requests answer `status` (401, 403 or 5xx) without being processed. */
  lrs?: { status: number; count: number };
  /** The next N xAPI requests get no answer at all (the connection is dropped). */
  unreachable?: number;
  /** Every xAPI answer comes this many milliseconds late. */
  slowMs?: number;
}

interface Course {
  packageName: string;
  source: string;
  structure: CourseStructure;
  /** LMS-generated course id for `satisfied` (spec 9.3.9.0-7/8: unique, not the publisher's id). */
  lmsCourseId: string;
  /** Publisher block id → LMS-generated block id (spec 9.3.9.0-3/4). */
  lmsBlockIds: Map<string, string>;
}

interface Registration {
  id: string;
  course: Course;
  learner: string;
  actor: JsonObject;
  /** AU publisher id → LMS-generated activityId, the same on every launch of the registration (8.1.5.0-4). */
  activityIds: Map<string, string>;
  /** AU publisher id → what the registration has seen (completed/passed/failed). */
  facts: Map<string, RegistrationFacts>;
  satisfied: boolean;
  /** Publisher ids of the blocks already satisfied in this registration. */
  satisfiedBlocks: Set<string>;
  faults: Faults;
  sessions: string[];
  maxState: { stateId: string; bytes: number };
  /** Each request that carried `terminated`: its body size and how many statements rode with it (keepalive, 64 KiB). */
  terminatedBodies: Array<{ bytes: number; statements: number }>;
}

interface Session {
  facts: SessionFacts;
  au: AuStructure;
  fetchSecret: string;
  fetched: boolean;
  token?: string;
  launchedAt: number;
  lastStatementAt: number;
  terminatedAt?: number;
  launchUrl: string;
}

interface Document {
  contentType: string;
  body: Uint8Array;
  updated: string;
  etag: string;
}

export interface LmsOptions {
  /** The files of a built package by name (the zip's entries), or undefined when there is none. */
  loadPackage: (name: string) => Record<string, Uint8Array> | undefined;
  /** Where the server mounts package files: the launch URL is `<origin><contentPrefix><package>/<au url>`. */
  contentPrefix: string;
  /** Where this LMS is mounted, e.g. `/cmi5`: endpoint and fetch URLs are built from it. */
  mount: string;
  /** How long after `terminated` the session token still takes State / Agent Profile writes (spec 9.3.8.0-4). */
  graceMs?: number;
  /**
   * How long a new launch waits for the previous session's `terminated` before writing `abandoned` for it: a relaunch
   * by reload sends the old page's keepalive `terminated` and the new launch request at the same moment.
   */
  abandonWaitMs?: number;
  now?: () => number;
}

/** The homePage of the learners' account IFI (spec 9.2.0.0-3: the actor has an account). */
export const accountHomePage = 'https://lms.cmi5-test.invalid';
const lmsIri = 'https://lms.cmi5-test.invalid';
const jsonType = 'application/json; charset=utf-8';
const xapiHeaders = { 'x-experience-api-version': xapiVersion };

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const json = (status: number, value: unknown, headers: Record<string, string> = {}): LmsReply => ({
  status,
  headers: { 'content-type': jsonType, ...headers },
  body: JSON.stringify(value),
});
const token = () => randomBytes(24).toString('base64url');

export class Cmi5Lms {
  readonly courses = new Map<string, Course>();
  readonly registrations = new Map<string, Registration>();
  readonly sessions = new Map<string, Session>();
  readonly statements: JsonObject[] = [];
  readonly rejections: Rejection[] = [];
  private readonly originals = new Map<string, JsonObject>();
  private readonly tokens = new Map<string, string>();
  private readonly fetchSecrets = new Map<string, string>();
  private readonly states = new Map<string, Document>();
  private readonly profiles = new Map<string, Document>();
  private readonly options: Required<LmsOptions>;

  constructor(options: LmsOptions) {
    this.options = { graceMs: 5_000, abandonWaitMs: 2_000, now: Date.now, ...options };
  }

  private iso(): string {
    return new Date(this.options.now()).toISOString();
  }

  // ── Course import (spec 6.1, 13, 14) ────────────────────────────────────────────────────────────────────────
  /** Imports (or re-imports, when the zip changed) the course of a built cmi5 package. */
  registerCourse(packageName: string): Course {
    const files = this.options.loadPackage(packageName);
    if (!files) throw new LmsError(404, `no package ${packageName}`);
    const xmlBytes = files['cmi5.xml'];
    if (!xmlBytes) throw new LmsError(400, 'the package has no cmi5.xml at its root (cmi5 14.1.0.0-2 (d))');
    const source = decoder.decode(xmlBytes);
    const known = this.courses.get(packageName);
    if (known && known.source === source) return known;
    const structure = readCourseStructure(source, (path) => Object.hasOwn(files, path));
    const course: Course = {
      packageName,
      source,
      structure,
      lmsCourseId: `${lmsIri}/courses/${randomUUID()}`,
      lmsBlockIds: new Map(structure.blocks.map((b) => [b.id, `${lmsIri}/blocks/${randomUUID()}`])),
    };
    this.courses.set(packageName, course);
    return course;
  }

  createRegistration(packageName: string, learner: string, name = learner): Registration {
    const course = this.registerCourse(packageName);
    const id = randomUUID();
    const registration: Registration = {
      id,
      course,
      learner,
      actor: { objectType: 'Agent', account: { homePage: accountHomePage, name: learner }, name },
      activityIds: new Map(course.structure.aus.map((au) => [au.id, `${lmsIri}/registrations/${id}/aus/${randomUUID()}`])),
      facts: new Map(course.structure.aus.map((au) => [au.id, { completed: false, passed: false, failed: false }])),
      satisfied: false,
      satisfiedBlocks: new Set(),
      faults: {},
      sessions: [],
      maxState: { stateId: '', bytes: 0 },
      terminatedBodies: [],
    };
    this.registrations.set(id, registration);
    // Learner preferences exist for every learner of this LMS (spec 11): zh-CN, audio on.
    const prefsKey = this.profileKey(registration.actor, learnerPreferencesProfileId);
    if (!this.profiles.has(prefsKey)) {
      this.profiles.set(prefsKey, this.document('application/json', encoder.encode(JSON.stringify({ languagePreference: 'zh-CN', audioPreference: 'on' }))));
    }
    return registration;
  }

  // ── Launch (spec 8.1, 9.3.1, 10) ─────────────────────────────────────────────────────────────────────────────
  launch(
    registrationId: string,
    origin: string,
    options: { launchMode?: LaunchMode; returnURL?: string; au?: string } = {},
  ): { url: string; sessionId: string; activityId: string } {
    const registration = this.registration(registrationId);
    const au = registration.course.structure.aus.find((a) => a.id === (options.au ?? a.id))!;
    const launchMode = options.launchMode ?? 'Normal';
    if (!launchModes.includes(launchMode)) throw new LmsError(400, `launchMode must be one of ${launchModes.join(', ')}`);
    const activityId = registration.activityIds.get(au.id)!;
    // A session left without `terminated` ends now as abandoned (spec 9.3.6.0-1), before the new one starts.
    for (const earlier of registration.sessions) this.abandon(this.sessions.get(earlier)!);

    const sessionId = randomUUID();
    const contextTemplate: ContextTemplate = {
      contextActivities: { grouping: [{ objectType: 'Activity', id: au.id }] },
      extensions: { [extensions.sessionId]: sessionId },
    };
    const returnURL = options.returnURL ?? `${origin}${this.options.mount}/returned.html?registration=${registrationId}`;
    const launchData: JsonObject = {
      contextTemplate: contextTemplate as JsonObject,
      launchMode,
      moveOn: au.moveOn,
      returnURL,
      ...(au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore }),
      ...(au.launchParameters === undefined ? {} : { launchParameters: au.launchParameters }),
      ...(au.entitlementKey === undefined ? {} : { entitlementKey: { courseStructure: au.entitlementKey } }),
    };
    // Spec 10.1: the LaunchData document exists before the launch, keyed by activityId, actor and registration.
    this.states.set(
      this.stateKey(activityId, registration.actor, registrationId, launchDataStateId),
      this.document('application/json', encoder.encode(JSON.stringify(launchData))),
    );
    const base = new URL(`${origin}${this.options.contentPrefix}${registration.course.packageName}/${au.url}`);
    const launchUrlWithout = base.href;
    const fetchSecret = token();
    const url = new URL(base.href);
    // Spec 8.1: name/value pairs, URL-encoded, merged with the AU url's own query (13.1.4.0-3).
    url.searchParams.set('endpoint', `${origin}${this.options.mount}/xapi/`);
    url.searchParams.set('fetch', `${origin}${this.options.mount}/fetch/${fetchSecret}`);
    url.searchParams.set('actor', JSON.stringify(registration.actor));
    url.searchParams.set('registration', registrationId);
    url.searchParams.set('activityId', activityId);

    const now = this.options.now();
    const session: Session = {
      facts: {
        sessionId,
        registration: registrationId,
        activityId,
        actor: registration.actor,
        launchMode,
        ...(au.masteryScore === undefined ? {} : { masteryScore: au.masteryScore }),
        contextTemplate,
        prefsRetrieved: false,
        initialized: false,
        terminated: false,
        abandoned: false,
        verbsUsed: [],
      },
      au,
      fetchSecret,
      fetched: Boolean(registration.faults.tokenReused),
      launchedAt: now,
      lastStatementAt: now,
      launchUrl: launchUrlWithout,
    };
    this.sessions.set(sessionId, session);
    this.fetchSecrets.set(fetchSecret, sessionId);
    registration.sessions.push(sessionId);
    // Spec 9.3.1.0-1: `launched` is in the LRS before the AU starts, with the launch context (9.6.3.2–9.6.3.7).
    this.storeLms(session, verbs.launched, {
      [extensions.launchMode]: launchMode,
      [extensions.launchUrl]: launchUrlWithout,
      [extensions.moveOn]: au.moveOn,
      ...(au.masteryScore === undefined ? {} : { [extensions.masteryScore]: au.masteryScore }),
      ...(au.launchParameters === undefined ? {} : { [extensions.launchParameters]: au.launchParameters }),
    });
    return { url: url.href, sessionId, activityId };
  }

  /** Waits (up to abandonWaitMs) until no earlier session of the registration is still running. */
  async settle(registrationId: string): Promise<void> {
    const registration = this.registration(registrationId);
    const running = () =>
      registration.sessions.some((id) => {
        const s = this.sessions.get(id)!;
        return s.facts.initialized && !s.facts.terminated && !s.facts.abandoned;
      });
    for (let waited = 0; waited < this.options.abandonWaitMs && running(); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private abandon(session: Session): void {
    const facts = session.facts;
    if (facts.terminated || facts.abandoned) return;
    // Spec 9.5.4.2-2: duration = from launched to the AU's last statement.
    const seconds = Math.max(0, session.lastStatementAt - session.launchedAt) / 1000;
    this.storeLms(session, verbs.abandoned, {}, { duration: `PT${seconds.toFixed(2)}S` });
    facts.abandoned = true;
  }

  /** A statement the LMS itself writes (launched, abandoned, satisfied), with the session's context (9.6.2.3-2, 9.6.3.1-3). */
  private storeLms(session: Session, verb: string, contextExtensions: Record<string, Json>, result?: JsonObject, object?: JsonObject): void {
    const statement: JsonObject = {
      id: randomUUID(),
      timestamp: this.iso(),
      actor: session.facts.actor,
      verb: { id: verb, display: { 'en-US': verbName(verb) } },
      object: object ?? { objectType: 'Activity', id: session.facts.activityId },
      ...(result ? { result } : {}),
      context: {
        registration: session.facts.registration,
        contextActivities: {
          grouping: [{ objectType: 'Activity', id: session.au.id }],
          category: [{ objectType: 'Activity', id: categories.cmi5 }],
        },
        extensions: { [extensions.sessionId]: session.facts.sessionId, ...contextExtensions },
      },
    };
    this.store(statement);
  }

  private store(statement: JsonObject): void {
    this.originals.set(String(statement.id), statement);
    this.statements.push({ ...statement, stored: this.iso(), authority: { objectType: 'Agent', account: { homePage: lmsIri, name: 'cmi5-test-lms' } }, version: '1.0.0' });
  }

  /** Whether an AU's moveOn criterion is met in the registration (spec 9.6.1.1-3, 10.2.5). */
  private auMet(registration: Registration, au: AuStructure): boolean {
    const f = registration.facts.get(au.id)!;
    switch (au.moveOn) {
      case 'Passed':
        return f.passed;
      case 'Completed':
        return f.completed;
      case 'CompletedAndPassed':
        return f.completed && f.passed;
      case 'CompletedOrPassed':
        return f.completed || f.passed;
      case 'NotApplicable':
        return true;
    }
  }

  /**
   * Spec 9.3.9: `satisfied` for each block whose AUs all meet their moveOn, then for the course when every AU does;
   * each written once, with the launch session's id (9.3.9.0-9), object = the LMS-generated block/course id.
   */
  private evaluateSatisfaction(registration: Registration, session: Session): void {
    const { structure, lmsBlockIds, lmsCourseId } = registration.course;
    const met = new Set(structure.aus.filter((au) => this.auMet(registration, au)).map((au) => au.id));
    for (const block of structure.blocks) {
      if (registration.satisfiedBlocks.has(block.id) || !block.auIds.every((id) => met.has(id))) continue;
      registration.satisfiedBlocks.add(block.id);
      this.storeLms(session, verbs.satisfied, {}, undefined, {
        objectType: 'Activity',
        id: lmsBlockIds.get(block.id)!,
        definition: { type: activityTypes.block, name: { 'zh-CN': block.title } },
      });
    }
    if (registration.satisfied || met.size !== structure.aus.length) return;
    registration.satisfied = true;
    this.storeLms(session, verbs.satisfied, {}, undefined, {
      objectType: 'Activity',
      id: lmsCourseId,
      definition: { type: activityTypes.course, name: { 'zh-CN': structure.title } },
    });
  }

  // ── Requests ─────────────────────────────────────────────────────────────────────────────────────────────────
  async handle(request: LmsRequest): Promise<LmsReply> {
    try {
      const { path, method } = request;
      if (path.startsWith('/api/')) return await this.admin(request);
      if (path === '/returned.html' && method === 'GET') return this.returnedPage(request);
      if (path.startsWith('/fetch/')) return this.fetch(request);
      if (path === '/xapi/about' && method === 'GET') return json(200, { version: [xapiVersion] }, xapiHeaders);
      if (path.startsWith('/xapi/')) return await this.xapi(request);
      return json(404, { error: 'not found' });
    } catch (error) {
      if (error instanceof LmsError) return json(error.status, { error: error.message });
      if (error instanceof ImportError) return json(400, { error: error.message, requirement: error.requirement });
      return json(500, { error: String(error) });
    }
  }

  /** Spec 8.2: POST only, answered once with the token; afterwards (or refused) with the spec's error JSON, HTTP 200. */
  private fetch(request: LmsRequest): LmsReply {
    const sessionId = this.fetchSecrets.get(request.path.slice('/fetch/'.length));
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    if (request.method !== 'POST') return json(405, { error: 'the fetch URL takes POST (cmi5 8.2.1)' }, { allow: 'POST' });
    if (!session) return json(200, { 'error-code': '2', 'error-text': 'Unknown fetch URL.' });
    const registration = this.registrations.get(session.facts.registration)!;
    if (registration.faults.tokenRefused) return json(200, { 'error-code': '2', 'error-text': 'General Security Error: the LMS refused the token.' });
    if (session.fetched || session.facts.terminated || session.facts.abandoned) {
      return json(200, { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
    }
    session.fetched = true;
    session.token = token();
    this.tokens.set(session.token, sessionId!);
    return json(200, { 'auth-token': session.token });
  }

  private reject(request: LmsRequest, status: number, violations: Violation[], session?: Session, statement?: Json): LmsReply {
    const requirements = violations.map((v) => ({ id: v.id, txt: requirementText(v.id), detail: v.detail }));
    this.rejections.push({
      at: this.iso(),
      registration: session?.facts.registration,
      sessionId: session?.facts.sessionId,
      method: request.method,
      path: request.path,
      status,
      requirements,
      ...(statement === undefined ? {} : { statement }),
    });
    return json(status, { error: violations.map((v) => v.detail).join('; '), requirements }, xapiHeaders);
  }

  private async xapi(request: LmsRequest): Promise<LmsReply> {
    const auth = request.headers.authorization ?? '';
    const sessionId = auth.startsWith('Basic ') ? this.tokens.get(auth.slice('Basic '.length)) : undefined;
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    if (!session) {
      return this.reject(request, 401, [{ id: '8.1.2.0-5 (d)', detail: 'no valid "Basic <auth-token>" Authorization header' }]);
    }
    const registration = this.registrations.get(session.facts.registration)!;
    const faults = registration.faults;
    const delay = faults.slowMs ? { delayMs: faults.slowMs } : {};
    if (faults.unreachable) {
      faults.unreachable--;
      return { status: 0, drop: true };
    }
    if (faults.lrs && faults.lrs.count > 0) {
      faults.lrs.count--;
      return { ...json(faults.lrs.status, { error: `fault switch: ${faults.lrs.status}` }, xapiHeaders), ...delay };
    }
    if (request.headers['x-experience-api-version']?.startsWith('1.0') !== true) {
      return this.reject(request, 400, [{ id: '4.1.0.0-1', detail: 'the X-Experience-API-Version header is missing (xAPI Communication 3.3)' }], session);
    }
    const reply =
      request.path === '/xapi/statements'
        ? this.statementsResource(request, session, registration)
        : request.path === '/xapi/activities/state'
          ? this.stateResource(request, session, registration)
          : request.path === '/xapi/agents/profile'
            ? this.agentProfileResource(request, session)
            : json(404, { error: 'not an xAPI resource of this LRS' });
    return { ...reply, headers: { ...xapiHeaders, ...reply.headers }, ...delay };
  }

  private statementsResource(request: LmsRequest, session: Session, registration: Registration): LmsReply {
    if (request.method === 'GET') return this.getStatements(request);
    if (request.method !== 'POST' && request.method !== 'PUT') return json(405, { error: 'method not allowed' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoder.decode(request.body));
    } catch {
      return this.reject(request, 400, [{ id: '4.1.0.0-1', detail: 'the body is not JSON' }], session);
    }
    if (request.method === 'PUT') {
      const statementId = request.query.get('statementId');
      if (!statementId || !isObject(parsed)) return this.reject(request, 400, [{ id: '4.1.0.0-1', detail: 'PUT needs ?statementId and one statement' }], session);
      if (parsed.id === undefined) parsed = { ...parsed, id: statementId };
      else if ((parsed as JsonObject).id !== statementId) return this.reject(request, 400, [{ id: '4.1.0.0-1', detail: 'statementId and the statement id differ' }], session, parsed as Json);
    }
    const batch = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
    // A batch is stored whole or not at all (xAPI Communication 2.1.2); facts are checked on a copy.
    const sessionFacts = structuredClone(session.facts);
    const regFacts = structuredClone(registration.facts.get(session.au.id)!);
    const accepted: JsonObject[] = [];
    for (const statement of batch) {
      if (isObject(statement) && typeof statement.id === 'string' && this.originals.has(statement.id)) {
        // A retry of a statement the LRS already holds (the first answer was lost): same content → no-op.
        if (jsonEqual(this.originals.get(statement.id), statement)) continue;
        return this.reject(request, 409, [{ id: '4.1.0.0-1', detail: `statement id ${statement.id} already holds other content` }], session, statement);
      }
      const violations = checkStatement(statement, sessionFacts, regFacts);
      if (violations.length > 0) return this.reject(request, 400, violations, session, statement as Json);
      applyStatement(statement as JsonObject, sessionFacts, regFacts);
      accepted.push(statement as JsonObject);
    }
    if (batch.some((s) => isObject(s) && isObject(s.verb) && s.verb.id === verbs.terminated)) registration.terminatedBodies.push({ bytes: request.body.byteLength, statements: batch.length });
    Object.assign(session.facts, sessionFacts);
    registration.facts.set(session.au.id, regFacts);
    for (const statement of accepted) this.store(statement);
    if (accepted.length > 0) session.lastStatementAt = this.options.now();
    if (session.facts.terminated && session.terminatedAt === undefined) session.terminatedAt = this.options.now();
    if (session.facts.launchMode === 'Normal') this.evaluateSatisfaction(registration, session);
    return request.method === 'PUT' ? { status: 204 } : json(200, batch.map((s) => (isObject(s) ? s.id : null)));
  }

  private getStatements(request: LmsRequest): LmsReply {
    const q = request.query;
    const statementId = q.get('statementId');
    if (statementId) {
      const found = this.statements.find((s) => s.id === statementId);
      return found ? json(200, found) : json(404, { error: 'no such statement' });
    }
    const limit = Number(q.get('limit') || 0);
    let list = this.query({
      registration: q.get('registration') ?? undefined,
      verb: q.get('verb') ?? undefined,
      activity: q.get('activity') ?? undefined,
      since: q.get('since') ?? undefined,
    });
    if (q.get('ascending') !== 'true') list = [...list].reverse();
    if (limit > 0) list = list.slice(0, limit);
    return json(200, { statements: list, more: '' });
  }

  /** Stored statements in stored order, filtered (for xAPI GET, the harness and the tests). */
  query(filter: { registration?: string; verb?: string; activity?: string; since?: string; sessionId?: string }): JsonObject[] {
    return this.statements.filter((s) => {
      const context = isObject(s.context) ? s.context : {};
      const ext = isObject(context.extensions) ? context.extensions : {};
      return (
        (!filter.registration || context.registration === filter.registration) &&
        (!filter.verb || (isObject(s.verb) && s.verb.id === filter.verb)) &&
        (!filter.activity || (isObject(s.object) && s.object.id === filter.activity)) &&
        (!filter.since || String(s.stored) > filter.since) &&
        (!filter.sessionId || ext[extensions.sessionId] === filter.sessionId)
      );
    });
  }

  private parseAgent(request: LmsRequest): Json | undefined {
    try {
      return JSON.parse(request.query.get('agent') ?? 'null') as Json;
    } catch {
      return undefined;
    }
  }

  /** Session tokens take document writes until `graceMs` after terminated, never after an abandon (8.1.2.0-2). */
  private tokenExpired(session: Session): boolean {
    return session.facts.abandoned || (session.terminatedAt !== undefined && this.options.now() - session.terminatedAt > this.options.graceMs);
  }

  private stateResource(request: LmsRequest, session: Session, registration: Registration): LmsReply {
    const q = request.query;
    const activityId = q.get('activityId') ?? '';
    const stateId = q.get('stateId');
    const reg = q.get('registration') ?? undefined;
    const violations: Violation[] = [];
    if (!jsonEqual(this.parseAgent(request), session.facts.actor)) violations.push({ id: '8.1.3.0-3 (d)', detail: 'the agent parameter is not the launch actor' });
    if (reg !== session.facts.registration) violations.push({ id: '8.1.4.0-3 (d)', detail: 'the registration parameter is missing or not the launch registration' });
    if (!activityId) violations.push({ id: '4.1.0.0-1', detail: 'the State resource needs activityId' });
    if (violations.length > 0) return this.reject(request, 400, violations, session);
    if (request.method !== 'GET' && stateId === launchDataStateId) {
      return this.reject(request, 403, [{ id: '10.2.1.0-5 (d)', detail: 'the AU may not change LMS.LaunchData' }], session);
    }
    if (request.method !== 'GET' && this.tokenExpired(session)) {
      return this.reject(request, 401, [{ id: '8.1.2.0-2 (d)', detail: 'the session has ended: its token no longer writes' }], session);
    }
    const key = stateId ? this.stateKey(activityId, session.facts.actor, reg, stateId) : undefined;
    switch (request.method) {
      case 'GET': {
        if (!key) {
          const prefix = this.stateKey(activityId, session.facts.actor, reg, '');
          return json(200, [...this.states.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
        }
        return this.sendDocument(this.states.get(key));
      }
      case 'PUT':
      case 'POST': {
        if (!key) return json(400, { error: 'stateId is required' });
        const result = this.writeDocument(this.states, key, request);
        if (result.status < 300 && request.body.byteLength > registration.maxState.bytes) {
          registration.maxState = { stateId: stateId!, bytes: request.body.byteLength };
        }
        return result;
      }
      case 'DELETE': {
        if (key) this.states.delete(key);
        else {
          const prefix = this.stateKey(activityId, session.facts.actor, reg, '');
          for (const k of [...this.states.keys()]) if (k.startsWith(prefix) && !k.endsWith(`\u0000${launchDataStateId}`)) this.states.delete(k);
        }
        return { status: 204 };
      }
      default:
        return json(405, { error: 'method not allowed' });
    }
  }

  private agentProfileResource(request: LmsRequest, session: Session): LmsReply {
    const profileId = request.query.get('profileId');
    if (!jsonEqual(this.parseAgent(request), session.facts.actor)) {
      return this.reject(request, 400, [{ id: '11.0.0.0-1 (d)', detail: 'the agent parameter is not the launch actor' }], session);
    }
    if (request.method === 'GET') {
      if (!profileId) {
        const prefix = this.profileKey(session.facts.actor, '');
        return json(200, [...this.profiles.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
      }
      if (profileId === learnerPreferencesProfileId) session.facts.prefsRetrieved = true;
      return this.sendDocument(this.profiles.get(this.profileKey(session.facts.actor, profileId)));
    }
    if (!profileId) return json(400, { error: 'profileId is required' });
    if (this.tokenExpired(session)) return this.reject(request, 401, [{ id: '8.1.2.0-2 (d)', detail: 'the session has ended' }], session);
    if (profileId === learnerPreferencesProfileId && (request.method === 'PUT' || request.method === 'POST')) {
      let prefs: unknown;
      try {
        prefs = JSON.parse(decoder.decode(request.body));
      } catch {
        prefs = undefined;
      }
      if (!isObject(prefs) || typeof prefs.languagePreference !== 'string' || typeof prefs.audioPreference !== 'string') {
        return this.reject(request, 400, [{ id: '11.0.0.0-5 (d)', detail: 'cmi5LearnerPreferences must be a JSON object with languagePreference and audioPreference' }], session);
      }
      if (!prefs.languagePreference.split(',').every((tag) => /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(tag.trim()))) {
        return this.reject(request, 400, [{ id: '11.1.0.0-1 (d)', detail: 'languagePreference is not a list of RFC 5646 tags' }], session);
      }
      if (!['on', 'off'].includes(prefs.audioPreference)) {
        return this.reject(request, 400, [{ id: '11.0.0.0-5 (d)', detail: 'audioPreference must be "on" or "off"' }], session);
      }
    }
    const key = this.profileKey(session.facts.actor, profileId);
    if (request.method === 'DELETE') {
      this.profiles.delete(key);
      return { status: 204 };
    }
    if (request.method === 'PUT' || request.method === 'POST') return this.writeDocument(this.profiles, key, request);
    return json(405, { error: 'method not allowed' });
  }

  private document(contentType: string, body: Uint8Array): Document {
    return { contentType, body, updated: this.iso(), etag: `"${randomUUID()}"` };
  }

  private sendDocument(doc: Document | undefined): LmsReply {
    if (!doc) return json(404, { error: 'no such document' });
    return { status: 200, headers: { 'content-type': doc.contentType, etag: doc.etag, 'last-modified': new Date(doc.updated).toUTCString() }, body: doc.body };
  }

  /** PUT replaces; POST merges JSON objects (xAPI Communication 2.2, 2.3). */
  private writeDocument(store: Map<string, Document>, key: string, request: LmsRequest): LmsReply {
    const contentType = request.headers['content-type'] ?? 'application/octet-stream';
    const existing = store.get(key);
    if (request.method === 'POST' && existing) {
      try {
        const before = JSON.parse(decoder.decode(existing.body)) as unknown;
        const after = JSON.parse(decoder.decode(request.body)) as unknown;
        if (!isObject(before) || !isObject(after)) throw new Error('not objects');
        store.set(key, this.document('application/json', encoder.encode(JSON.stringify({ ...before, ...after }))));
        return { status: 204 };
      } catch {
        return json(400, { error: 'POST merges only JSON objects (xAPI Communication 2.2)' });
      }
    }
    store.set(key, this.document(contentType, request.body));
    return { status: 204 };
  }

  private stateKey(activityId: string, agent: Json, registration: string | undefined, stateId: string): string {
    return [activityId, canonical(agent), registration ?? '', stateId].join('\u0000');
  }

  private profileKey(agent: Json, profileId: string): string {
    return [canonical(agent), profileId].join('\u0000');
  }

  // ── The LMS's own API (test LMS only; not xAPI): tests and the preview harness drive it ───────────────────────
  private registration(id: string): Registration {
    const registration = this.registrations.get(id);
    if (!registration) throw new LmsError(404, `no registration ${id}`);
    return registration;
  }

  summary(id: string) {
    const registration = this.registration(id);
    const statements = this.query({ registration: id });
    return {
      registration: id,
      package: registration.course.packageName,
      learner: registration.learner,
      actor: registration.actor,
      courseId: registration.course.lmsCourseId,
      satisfied: registration.satisfied,
      facts: Object.fromEntries(registration.facts),
      sessions: registration.sessions.map((sid) => {
        const s = this.sessions.get(sid)!;
        return {
          sessionId: sid,
          activityId: s.facts.activityId,
          launchMode: s.facts.launchMode,
          fetched: s.fetched,
          prefsRetrieved: s.facts.prefsRetrieved,
          initialized: s.facts.initialized,
          terminated: s.facts.terminated,
          abandoned: s.facts.abandoned,
          verbs: this.query({ registration: id, sessionId: sid }).map((st) => verbName(isObject(st.verb) ? String(st.verb.id) : '')),
        };
      }),
      verbs: statements.map((st) => verbName(isObject(st.verb) ? String(st.verb.id) : '')),
      rejections: this.rejections.filter((r) => r.registration === id),
      maxState: registration.maxState,
      terminatedBodies: registration.terminatedBodies,
    };
  }

  private async admin(request: LmsRequest): Promise<LmsReply> {
    const { method, path, query } = request;
    const body = (): JsonObject => {
      try {
        const value = JSON.parse(decoder.decode(request.body) || '{}') as unknown;
        return isObject(value) ? value : {};
      } catch {
        throw new LmsError(400, 'the body is not JSON');
      }
    };
    const str = (v: Json | undefined) => (typeof v === 'string' && v ? v : undefined);
    if (method === 'POST' && path === '/api/courses') {
      const course = this.registerCourse(str(body().package) ?? '');
      return json(200, { package: course.packageName, courseId: course.lmsCourseId, structure: course.structure });
    }
    if (method === 'POST' && path === '/api/registrations') {
      const b = body();
      const learner = str(b.learner) ?? `learner-${randomUUID().slice(0, 8)}`;
      const registration = this.createRegistration(str(b.package) ?? '', learner, str(b.name) ?? learner);
      return json(200, { registration: registration.id, actor: registration.actor });
    }
    if (method === 'POST' && path === '/api/launch') {
      const b = body();
      const returnURL = str(b.returnURL);
      const au = str(b.au);
      await this.settle(str(b.registration) ?? '');
      const launched = this.launch(str(b.registration) ?? '', request.origin, {
        launchMode: (str(b.launchMode) ?? 'Normal') as LaunchMode,
        ...(returnURL ? { returnURL } : {}),
        ...(au ? { au } : {}),
      });
      return json(200, launched);
    }
    if (method === 'POST' && path === '/api/faults') {
      const b = body();
      const registration = this.registration(str(b.registration) ?? '');
      const faults = isObject(b.faults) ? (b.faults as unknown as Faults) : {};
      registration.faults = { ...registration.faults, ...faults };
      return json(200, registration.faults);
    }
    if (method === 'POST' && path === '/api/state') {
      // Learner data a previous session left (as the SCORM harness's `suspend=`): a test starts mid-course.
      const b = body();
      const registration = this.registration(str(b.registration) ?? '');
      const au = registration.course.structure.aus[0]!;
      const stateId = str(b.stateId) ?? '';
      if (!stateId || stateId === launchDataStateId) throw new LmsError(400, 'a stateId other than LMS.LaunchData is required');
      const key = this.stateKey(registration.activityIds.get(au.id)!, registration.actor, registration.id, stateId);
      this.states.set(key, this.document('application/json', encoder.encode(JSON.stringify(b.document ?? {}))));
      return { status: 204 };
    }
    const match = /^\/api\/registrations\/([\w-]+)$/.exec(path);
    if (method === 'GET' && match) return json(200, this.summary(match[1]!));
    if (method === 'GET' && path === '/api/statements') {
      return json(200, this.query({ registration: query.get('registration') ?? undefined, since: query.get('since') ?? undefined }));
    }
    if (method === 'GET' && path === '/api/rejections') {
      const registration = query.get('registration');
      return json(200, this.rejections.filter((r) => !registration || r.registration === registration));
    }
    return json(404, { error: 'not found' });
  }

  /** Where the AU goes after terminated when the launcher gave no returnURL: a plain page saying so. */
  private returnedPage(request: LmsRequest): LmsReply {
    const registration = (request.query.get('registration') ?? '').replace(/[^\w-]/g, '');
    const html = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>已返回 LMS</title></head><body><main><h1 id="returned">您已退出课程，学习记录已交给 LMS。</h1><p>登记号：<code>${registration}</code></p></main></body></html>\n`;
    return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
  }
}

export class LmsError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** A JSON value with sorted keys: the same Agent written in another key order is the same Agent. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}
