import { $shell, connectToShell, sendToShell } from '../bridge/page-client.ts';
import type { ShellSnapshot } from '../bridge/messages.ts';
import { decodeExamState, encodeExamState, type ExamState } from '../exam/exam-state.ts';
import { attemptsLeft, availability, mayReview, secondsLeft, type ExamRules } from '../exam/policy.ts';
import { buildExamReport, type AnswerTiming } from '../exam/report.ts';
import { describeCorrect, describeResponse } from '../exam/describe.ts';
import { decodeExamData } from '../exam/exam-data-codec.ts';
import { localDateStamp } from '../exam/certificate.ts';
import { isAnsweredOf, isCorrectOf, optionOrder, subSeed } from '../quizzes/engine/index.ts';
import { drawExamFor, examSeed } from '../exam/exam-draw.ts';
import type { BankItem } from '../quizzes/schema.ts';
import type { ExamData } from '../exam/exam-bank.ts';
import '../components/quiz/quiz-question.ts';

/**
 * The certification exam page. State lives in the shell (suspend_data segment `ex`): attempt number, deadline
 * and answers, so a reload or relaunch shows the same draw, the same answers and the same countdown.
 * Reporting goes through the shell too (`exam-submitted`); this page never talks to the LMS.
 */

interface ExamConfig {
  rules: ExamRules;
  size: number;
  quotas?: Record<string, number>;
  require?: Record<string, number>;
  edition: number;
  dataKey: string;
  moduleTitles: Record<string, string>;
  certificatePage: string;
}

/** What the shared question element (src/components/quiz) offers the exam. */
interface QuestionElement extends HTMLElement {
  response: unknown;
  disabled: boolean;
  applyOrder(order: number[]): void;
}

const root = document.querySelector<HTMLElement>('#exam')!;
const config = JSON.parse(root.dataset.config ?? '{}') as ExamConfig;
const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;

const intro = $('#exam-intro');
const status = $('#exam-status');
const startButton = $<HTMLButtonElement>('#exam-start');
const run = $('#exam-run');
const position = $('#exam-position');
const timer = $('#exam-timer');
const map = $('#exam-map');
const prevButton = $<HTMLButtonElement>('#exam-prev');
const nextButton = $<HTMLButtonElement>('#exam-next');
const submitButton = $<HTMLButtonElement>('#exam-submit');
const confirmDialog = $<HTMLDialogElement>('#exam-confirm');
const unansweredList = $('#exam-unanswered');
const confirmSubmit = $<HTMLButtonElement>('#exam-confirm-submit');
const confirmCancel = $<HTMLButtonElement>('#exam-confirm-cancel');
const result = $('#exam-result');

let bank: BankItem[] = [];
let notes: Record<string, string> = {};
let ruleTitles: Record<string, string> = {};
let state: ExamState = decodeExamState('');
let snapshot: ShellSnapshot | null = null;
let learnerId = '';
let draw: BankItem[] = [];
let current = 0;
let shownAt = Date.now();
const timings: Record<string, AnswerTiming> = {};
let timerHandle: ReturnType<typeof setInterval> | undefined;
let submitting = false;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const slotOf = (itemId: string) => root.querySelector<HTMLElement>(`.exam-slot[data-item-id="${CSS.escape(itemId)}"]`);
const questionOf = (itemId: string) => slotOf(itemId)?.querySelector<QuestionElement>('quiz-question') ?? null;

/** Standalone pages (no LMS) still need a stable learner id for the seeded draw: one per browser. */
function localLearnerId(): string {
  try {
    let id = localStorage.getItem('yks-course:local-learner');
    if (!id) {
      id = `local-${Math.random().toString(36).slice(2, 10)}`;
      localStorage.setItem('yks-course:local-learner', id);
    }
    return id;
  } catch {
    return 'local';
  }
}

/** The question texts come from this page's own markup (the key file leaves them out, see exam-bank.ts). */
function withPageTexts(item: BankItem): BankItem {
  const slot = slotOf(item.id);
  const text = (selector: string) => {
    const element = slot?.querySelector(selector);
    if (!element) return undefined;
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.quiz__tag').forEach((tag) => tag.remove());
    return copy.textContent?.trim() || undefined;
  };
  const texts = { situation: text('.quiz__situation'), prompt: text('.quiz__prompt') ?? item.prompt };
  return item.type === 'truefalse'
    ? { ...item, ...texts, statement: text('.quiz__statement') ?? item.statement }
    : { ...item, ...texts };
}

function save(): void {
  sendToShell({ type: 'segment', key: 'ex', value: encodeExamState(state) });
}

// The certification exam or the refresher (the shell's rules say which; src/exam/exam-draw.ts draws both).
const kind = () => config.rules.kind ?? 'certification';
const seedOf = (attempt: number) => examSeed(learnerId, kind(), config.edition, attempt);
const drawFor = (attempt: number) => drawExamFor({ items: bank }, config, learnerId, kind(), attempt);

function allModulesCompleted(): boolean {
  if (!snapshot) return !config.rules.requireAllModules;
  return snapshot.moduleStatuses.every((moduleStatus) => moduleStatus === 'completed');
}

function show(section: HTMLElement): void {
  for (const element of [intro, run, result]) element.hidden = element !== section;
}

// ── intro ───────────────────────────────────────────────────────────────────────────────────────────────
function renderIntro(): void {
  const available = availability(state, config.rules, allModulesCompleted());
  startButton.hidden = available.kind !== 'available';
  const left = attemptsLeft(state, config.rules);
  switch (available.kind) {
    case 'locked':
      status.textContent = '请先学完全部单元（每个单元读到最后并完成知识检查），再参加认证考试。';
      break;
    case 'available':
      status.textContent =
        state.attempt === 0 ? `您共有 ${left} 次考试机会。` : `您还有 ${left} 次考试机会。`;
      startButton.textContent = state.attempt === 0 ? '开始考试' : '重新考试';
      break;
    case 'exhausted':
      status.textContent = '您的考试机会已用完，未能通过认证。请联系人力资源部门安排补考。';
      break;
    case 'passed':
    case 'running':
      break;
  }
  show(intro);
}

// ── running ─────────────────────────────────────────────────────────────────────────────────────────────
function startAttempt(): void {
  const limit = config.rules.timeLimitMinutes;
  state = {
    ...state,
    attempt: state.attempt + 1,
    phase: 'running',
    deadline: limit > 0 ? nowSeconds() + limit * 60 : 0,
    answers: [],
  };
  save();
  openAttempt();
}

/** The order an ordering question's steps are shown in (the same seeded order openAttempt applied). */
function displayedOrder(item: BankItem): number[] {
  return optionOrder(item, subSeed(seedOf(state.attempt), item.id));
}

function openAttempt(): void {
  draw = drawFor(state.attempt);
  const seed = seedOf(state.attempt);
  for (const slot of root.querySelectorAll<HTMLElement>('.exam-slot')) slot.hidden = true;
  draw.forEach((item, index) => {
    const question = questionOf(item.id);
    if (!question) return;
    question.disabled = false;
    question.applyOrder(optionOrder(item, subSeed(seed, item.id)));
    question.response = state.answers[index] ?? null;
    const number = slotOf(item.id)?.querySelector('.exam-number');
    if (number) number.textContent = `第 ${index + 1} 题`;
  });
  buildMap();
  show(run);
  goTo(Math.max(0, Math.min(current, draw.length - 1)));
  startTimer();
}

function buildMap(): void {
  map.replaceChildren(
    ...draw.map((item, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'exam-map-button';
      button.dataset.index = String(index);
      button.textContent = String(index + 1);
      button.addEventListener('click', () => goTo(index));
      return button;
    }),
  );
  refreshMap();
}

function refreshMap(): void {
  map.querySelectorAll<HTMLButtonElement>('button').forEach((button, index) => {
    const item = draw[index];
    const answered = item ? isAnsweredOf(item, state.answers[index] ?? null) : false;
    button.classList.toggle('answered', answered);
    button.setAttribute('aria-label', `第 ${index + 1} 题，${answered ? '已作答' : '未作答'}`);
    if (index === current) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
  });
}

function goTo(index: number): void {
  const leaving = draw[current];
  if (leaving) {
    const timing = (timings[leaving.id] ??= {});
    timing.latencyMs = (timing.latencyMs ?? 0) + (Date.now() - shownAt);
  }
  current = index;
  shownAt = Date.now();
  draw.forEach((item, itemIndex) => {
    const slot = slotOf(item.id);
    if (slot) slot.hidden = itemIndex !== index;
  });
  position.textContent = `第 ${index + 1} 题，共 ${draw.length} 题`;
  prevButton.disabled = index === 0;
  nextButton.disabled = index === draw.length - 1;
  refreshMap();
  slotOf(draw[index]?.id ?? '')?.querySelector<HTMLElement>('.exam-number')?.focus();
}

root.addEventListener('quiz-change', (event) => {
  if (state.phase !== 'running') return;
  const { itemId, response } = (event as CustomEvent<{ itemId: string; response: unknown }>).detail;
  const index = draw.findIndex((item) => item.id === itemId);
  if (index === -1) return;
  state.answers[index] = response;
  for (let fill = 0; fill < draw.length; fill++) state.answers[fill] ??= null;
  (timings[itemId] ??= {}).answeredAt = Date.now();
  refreshMap();
  // Straight to the shell (a message, no LMS call): the shell batches what it sends to the LMS.
  save();
});

function formatClock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

function startTimer(): void {
  clearInterval(timerHandle);
  const tick = () => {
    const left = secondsLeft(state, nowSeconds());
    timer.hidden = left === undefined;
    if (left === undefined) return;
    timer.textContent = `剩余时间 ${formatClock(left)}`;
    timer.classList.toggle('urgent', left <= 300);
    if (left === 300 || left === 60) announce(`考试还剩 ${left / 60} 分钟。`);
    if (left === 0) submit(true);
  };
  tick();
  if (state.deadline > 0) timerHandle = setInterval(tick, 1000);
}

const liveRegion = $('#exam-live');
function announce(text: string): void {
  liveRegion.textContent = text;
}

function unansweredNumbers(): number[] {
  return draw.flatMap((item, index) => (isAnsweredOf(item, state.answers[index] ?? null) ? [] : [index + 1]));
}

function askToSubmit(): void {
  const missing = unansweredNumbers();
  unansweredList.replaceChildren();
  const summary = document.createElement('p');
  summary.textContent =
    missing.length === 0 ? '全部题目都已作答。交卷后不能再修改答案。' : `还有 ${missing.length} 道题未作答：`;
  unansweredList.append(summary);
  if (missing.length > 0) {
    const list = document.createElement('ul');
    for (const number of missing) {
      const entry = document.createElement('li');
      const link = document.createElement('button');
      link.type = 'button';
      link.className = 'link-button';
      link.textContent = `第 ${number} 题`;
      link.addEventListener('click', () => {
        confirmDialog.close();
        goTo(number - 1);
      });
      entry.append(link);
      list.append(entry);
    }
    unansweredList.append(list);
  }
  confirmDialog.showModal();
}

function submit(automatic: boolean): void {
  if (submitting || state.phase !== 'running') return;
  submitting = true;
  clearInterval(timerHandle);
  if (confirmDialog.open) confirmDialog.close();
  // An ordering question left as shown is answered with the order the learner saw and accepted.
  draw.forEach((item, index) => {
    if (item.type === 'ordering' && !isAnsweredOf(item, state.answers[index] ?? null)) {
      state.answers[index] = displayedOrder(item);
    }
  });
  const report = currentReport();
  const outcome = { score: report.score, passed: report.passed, date: localDateStamp(new Date()) };
  state = { ...state, phase: 'idle', deadline: 0, last: outcome, passed: report.passed ? outcome : state.passed };
  // The segment first, then the report: the shell derives the reported status from the saved state.
  save();
  sendToShell({ type: 'exam-submitted', report });
  for (const item of draw) {
    const question = questionOf(item.id);
    if (question) question.disabled = true;
  }
  submitting = false;
  renderResult(automatic);
}

/** The report of the current draw and answers (the same function scores the submit and draws the results). */
function currentReport() {
  const responses: Record<string, unknown> = {};
  draw.forEach((item, index) => (responses[item.id] = state.answers[index] ?? null));
  return buildExamReport({
    attempt: state.attempt,
    items: draw,
    responses,
    timings,
    rules: config.rules,
    moduleTitles: config.moduleTitles,
    submittedAt: new Date(),
  });
}

// ── result ──────────────────────────────────────────────────────────────────────────────────────────────
function renderResult(automatic = false): void {
  const last = state.last;
  if (!last) return renderIntro();
  if (draw.length === 0) draw = drawFor(state.attempt);
  const passed = last.passed;
  $('#result-note').textContent = automatic ? '考试时间已到，系统已自动交卷。' : '';
  $('#result-score').textContent = `${last.score} 分`;
  $('#result-pass-mark').textContent = `及格分 ${config.rules.passMark} 分`;
  const verdict = $('#result-verdict');
  verdict.textContent = passed ? '恭喜您，通过认证考试！' : '本次考试未通过。';
  verdict.className = passed ? 'verdict pass' : 'verdict fail';

  // Per-module results (a bar per module; the numbers are in the text, the bar only repeats them).
  const report = currentReport();
  const modules = $('#result-modules');
  modules.replaceChildren(
    ...report.perModule.map((entry) => {
      const row = document.createElement('li');
      const label = document.createElement('span');
      label.className = 'module-label';
      label.textContent = `${entry.title}：${entry.percent}%（${formatPoints(entry.score)}/${entry.max} 题）`;
      const bar = document.createElement('span');
      bar.className = 'module-bar';
      bar.setAttribute('aria-hidden', 'true');
      const fill = document.createElement('span');
      fill.className = entry.percent >= config.rules.passMark ? 'module-fill good' : 'module-fill weak';
      fill.style.width = `${entry.percent}%`;
      bar.append(fill);
      row.append(label, bar);
      return row;
    }),
  );

  const left = attemptsLeft(state, config.rules);
  const retake = $<HTMLButtonElement>('#exam-retake');
  retake.hidden = passed || left === 0;
  retake.textContent = `重新考试（还有 ${left} 次机会）`;
  $('#result-exhausted').hidden = passed || left > 0;
  $('#result-certificate').hidden = !state.passed;

  const review = $('#result-review');
  const reviewList = $('#result-review-list');
  review.hidden = !mayReview(passed, config.rules);
  reviewList.replaceChildren(
    ...(review.hidden
      ? []
      : draw.map((item, index) => {
          const entry = document.createElement('li');
          const correct = isCorrectOf(item, state.answers[index] ?? null);
          const heading = document.createElement('p');
          heading.className = 'review-prompt';
          heading.textContent = `${correct ? '✓ 正确' : '✗ 错误'}　${item.situation ? `${item.situation} ` : ''}${item.prompt}`;
          const yours = document.createElement('p');
          yours.textContent = `您的答案：${describeResponse(item, state.answers[index] ?? null)}`;
          const right = document.createElement('p');
          right.textContent = `正确答案：${describeCorrect(item)}`;
          entry.append(heading, yours, right);
          const why = document.createElement('p');
          why.className = 'review-explanation';
          why.textContent = `解析：${notes[item.id] ?? ''}`;
          const basis = document.createElement('p');
          basis.className = 'review-rules';
          basis.textContent = `依据规范：${item.rules.map((id) => ruleTitles[id] ?? id).join('；')}`;
          entry.append(why, basis);
          entry.className = correct ? 'review-item right' : 'review-item wrong';
          return entry;
        })),
  );
  show(result);
  $('#result-title').focus();
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

// ── wiring ──────────────────────────────────────────────────────────────────────────────────────────────
startButton.addEventListener('click', startAttempt);
$<HTMLButtonElement>('#exam-retake').addEventListener('click', () => {
  current = 0;
  startAttempt();
});
prevButton.addEventListener('click', () => goTo(current - 1));
nextButton.addEventListener('click', () => goTo(current + 1));
submitButton.addEventListener('click', askToSubmit);
confirmSubmit.addEventListener('click', () => submit(false));
confirmCancel.addEventListener('click', () => confirmDialog.close());

function render(): void {
  if (state.phase === 'running') {
    // A relaunch after the deadline submits what was answered.
    if (state.deadline > 0 && nowSeconds() >= state.deadline) {
      draw = drawFor(state.attempt);
      submit(true);
      return;
    }
    openAttempt();
    return;
  }
  if (state.last) {
    draw = drawFor(state.attempt);
    renderResult();
    return;
  }
  renderIntro();
}

let started = false;
function begin(): void {
  if (started) return;
  started = true;
  learnerId = snapshot?.learnerId || localLearnerId();
  if (snapshot) {
    config.rules = snapshot.examRules;
    // The refresher's home is not the course's home.
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-home]')) link.href = snapshot.homePage;
  }
  state = decodeExamState(snapshot?.segments.ex);
  render();
}

async function load(): Promise<void> {
  const response = await fetch(root.dataset.src ?? 'exam-data.bin', { cache: 'no-store' });
  if (!response.ok) throw new Error(`exam data: HTTP ${response.status}`);
  const data = decodeExamData<ExamData>(await response.arrayBuffer(), config.dataKey);
  bank = data.items.map(withPageTexts);
  notes = data.notes;
  ruleTitles = data.ruleTitles;
  let shellSeen = false;
  $shell.subscribe((value) => {
    if (!value) return;
    shellSeen = true;
    if (value.connection === 'pending') return;
    snapshot = value;
    if (!started) begin();
    else if (state.phase === 'idle' && !state.last) renderIntro();
  });
  connectToShell();
  // Opened without the course shell (a direct link): run with in-memory state only.
  setTimeout(() => {
    if (!started && !shellSeen) begin();
  }, 1500);
}

load().catch(() => {
  status.textContent = '考试题目加载失败，请刷新页面重试。';
  startButton.hidden = true;
});
