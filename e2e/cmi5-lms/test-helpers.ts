// Test helpers for the test LMS's unit tests: a package in memory and an AU that speaks to `Cmi5Lms.handle`
// directly, so every rule can be fed hand-written statements without a browser or a socket.
import { randomUUID } from 'node:crypto';
import { Cmi5Lms, type LmsReply } from './lms.ts';
import { categories, extensions, learnerPreferencesProfileId, verbs } from './vocabulary.ts';
import type { JsonObject } from './rules.ts';

export const origin = 'http://127.0.0.1:4501';
export const contentPrefix = '/content/';

export function cmi5Xml({ moveOn = 'CompletedAndPassed', masteryScore = '0.8', url = 'index.html', auId = 'https://course.example.invalid/au/1' } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://course.example.invalid/course">
    <title><langstring lang="zh-CN">服务行为规范 &amp; 测试</langstring></title>
    <description><langstring lang="zh-CN">说明</langstring></description>
  </course>
  <block id="https://course.example.invalid/block">
    <title><langstring lang="zh-CN">单元组</langstring></title>
    <description><langstring lang="zh-CN">单元组</langstring></description>
    <au id="${auId}" moveOn="${moveOn}" ${masteryScore ? `masteryScore="${masteryScore}"` : ''} launchMethod="AnyWindow">
      <title><langstring lang="zh-CN"> 课程 </langstring></title>
      <description><langstring lang="zh-CN">课程</langstring></description>
      <url>${url}</url>
    </au>
  </block>
</courseStructure>
`;
}

export function newLms(xml = cmi5Xml(), now?: () => number): Cmi5Lms {
  const files: Record<string, Uint8Array> = { 'cmi5.xml': new TextEncoder().encode(xml), 'index.html': new Uint8Array([60]) };
  return new Cmi5Lms({ loadPackage: (name) => (name === 'pkg' ? files : undefined), contentPrefix, mount: '/cmi5', abandonWaitMs: 0, ...(now ? { now } : {}) });
}

export const text = (reply: LmsReply) => (typeof reply.body === 'string' ? reply.body : new TextDecoder().decode(reply.body ?? new Uint8Array()));
export const body = (reply: LmsReply) => JSON.parse(text(reply)) as any;

/** An AU session as the launch URL describes it, with helpers to send requests the way an AU does. */
export class FakeAu {
  endpoint = '';
  fetchUrl = '';
  actor: JsonObject = {};
  registration = '';
  activityId = '';
  token = '';
  launchData: any;
  lms: Cmi5Lms;
  constructor(lms: Cmi5Lms, launchUrl: string) {
    this.lms = lms;
    const q = new URL(launchUrl).searchParams;
    this.endpoint = q.get('endpoint')!;
    this.fetchUrl = q.get('fetch')!;
    this.actor = JSON.parse(q.get('actor')!);
    this.registration = q.get('registration')!;
    this.activityId = q.get('activityId')!;
  }

  request(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    const u = new URL(url);
    return this.lms.handle({
      method,
      path: u.pathname.slice('/cmi5'.length),
      query: u.searchParams,
      headers: { authorization: `Basic ${this.token}`, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json', ...headers },
      body: new TextEncoder().encode(payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload)),
      origin,
    });
  }

  async fetchToken() {
    const reply = await this.request('POST', this.fetchUrl);
    const b = body(reply);
    if (b['auth-token']) this.token = b['auth-token'];
    return reply;
  }

  stateUrl(stateId: string, registration = this.registration) {
    const q = new URLSearchParams({ activityId: this.activityId, agent: JSON.stringify(this.actor), stateId, registration });
    return `${this.endpoint}activities/state?${q}`;
  }

  /** Token, LaunchData, learner preferences: everything an AU does before its first statement (spec 8.2, 10, 11). */
  async start() {
    await this.fetchToken();
    this.launchData = body(await this.request('GET', this.stateUrl('LMS.LaunchData')));
    const q = new URLSearchParams({ agent: JSON.stringify(this.actor), profileId: learnerPreferencesProfileId });
    await this.request('GET', `${this.endpoint}agents/profile?${q}`);
    return this;
  }

  /** A statement built the way the AU brief says: template context + registration, categories where required. */
  statement(verb: keyof typeof verbs, { result, extra, category }: { result?: JsonObject; extra?: JsonObject; category?: string[] } = {}): JsonObject {
    const template = this.launchData.contextTemplate;
    const defined = ['initialized', 'completed', 'passed', 'failed', 'terminated'].includes(verb);
    const judged = ['completed', 'passed', 'failed'].includes(verb);
    const cats = category ?? [...(defined ? [categories.cmi5] : []), ...(judged ? [categories.moveOn] : [])];
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      actor: this.actor,
      verb: { id: verbs[verb], display: { 'en-US': verb } },
      object: { objectType: 'Activity', id: this.activityId },
      ...(result ? { result } : {}),
      context: {
        ...template,
        registration: this.registration,
        contextActivities: { ...template.contextActivities, ...(cats.length ? { category: cats.map((id) => ({ id })) } : {}) },
        extensions: { ...template.extensions, ...(verb === 'passed' || verb === 'failed' ? { [extensions.masteryScore]: this.launchData.masteryScore } : {}) },
      },
      ...extra,
    };
  }

  send(statement: unknown) {
    return this.request('POST', `${this.endpoint}statements`, statement);
  }
}

export const passedResult = (scaled = 0.9): JsonObject => ({ success: true, duration: 'PT5M', score: { scaled, raw: Math.round(scaled * 100), min: 0, max: 100 } });
export const failedResult = (scaled = 0.5): JsonObject => ({ success: false, duration: 'PT5M', score: { scaled, raw: Math.round(scaled * 100), min: 0, max: 100 } });
