import { $shell, connectToShell, inShell, sendToShell } from '../bridge/page-client.ts';
import type { ShellSnapshot } from '../bridge/messages.ts';
import { decodeExamState, encodeExamState } from '../exam/exam-state.ts';
import { secondsLeft, type ExamRules } from '../exam/policy.ts';
import type { ExamReport } from '../exam/report.ts';
import {
  answer,
  examSetup,
  expire,
  introOf,
  navigate,
  reportOf,
  restore,
  start,
  submit,
  unansweredNumbers,
  viewOf,
  type ExamSession,
  type ExamSetup,
} from '../exam/session.ts';
import { decodeExamData } from '../exam/exam-data-codec.ts';
import { isAnsweredOf } from '../quizzes/engine/index.ts';
import { showResult } from './exam-result.ts';
import { localLearnerId, mapButtons, startCountdown, unansweredSummary, withPageTexts } from './exam-page.ts';
import type { BankItem } from '../quizzes/schema.ts';
import type { ExamData } from '../course/exam-page-data.ts';
import '../components/quiz/quiz-question.ts';

/**
 * The certification exam page: renders an exam session (src/exam/session.ts, pure and unit-tested) and wires the
 * learner's actions to it. State lives in the shell (suspend_data segment `ex`): attempt number, deadline and
 * answers, so a reload or relaunch shows the same draw, the same answers and the same countdown. Reporting goes
 * through the shell too (`exam-submitted`); this page never talks to the LMS.
 */

interface ExamConfig {
  rules: ExamRules;
  size: number;
  quotas?: Record<string, number>;
  /** Tag → fewest items with it in every draw (course.config.yaml › exam.require). */
  require?: Record<string, number>;
  edition: number;
  dataKey: string;
  moduleTitles: Record<string, string>;
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

const introSection = $('#exam-intro');
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
let snapshot: ShellSnapshot | null = null;
let setup: ExamSetup | undefined;
let session: ExamSession | undefined;
let stopTimer = (): void => {};

const slotOf = (itemId: string) => root.querySelector<HTMLElement>(`.exam-slot[data-item-id="${CSS.escape(itemId)}"]`);
const questionOf = (itemId: string) => slotOf(itemId)?.querySelector<QuestionElement>('quiz-question') ?? null;

/** Saves the exam state with the shell (a message, no LMS call: the shell batches what it sends to the LMS). */
function save(): void {
  if (session) sendToShell({ type: 'segment', key: 'ex', value: encodeExamState(session.state) });
}

/** Applies a session change: save first, then report (the shell derives the status from the saved state). */
function apply(next: { session: ExamSession; report?: ExamReport }): void {
  session = next.session;
  save();
  if (next.report) sendToShell({ type: 'exam-submitted', report: next.report });
}

function allModulesCompleted(): boolean {
  if (!snapshot) return !config.rules.requireAllModules;
  return snapshot.moduleStatuses.every((moduleStatus) => moduleStatus === 'completed');
}

function show(section: HTMLElement): void {
  for (const element of [introSection, run, result]) element.hidden = element !== section;
}

/** Renders whatever the session is at: the intro, the running attempt, or the result. */
function render(automatic = false): void {
  if (!session) return;
  const view = viewOf(session);
  if (view === 'running') renderRunning();
  else if (view === 'result') renderResult(automatic);
  else renderIntro();
}

// ── intro ───────────────────────────────────────────────────────────────────────────────────────────────
function renderIntro(): void {
  const intro = introOf(session!.state, config.rules, allModulesCompleted());
  startButton.hidden = !intro.canStart;
  startButton.textContent = intro.startLabel;
  status.textContent = intro.message;
  show(introSection);
}

// ── running ─────────────────────────────────────────────────────────────────────────────────────────────
function renderRunning(): void {
  const { draw, state } = session!;
  for (const slot of root.querySelectorAll<HTMLElement>('.exam-slot')) slot.hidden = true;
  draw.forEach((item, index) => {
    const question = questionOf(item.id);
    if (!question) return;
    question.disabled = false;
    question.applyOrder(setup!.orderFor(state.attempt, item));
    question.response = state.answers[index] ?? null;
    const number = slotOf(item.id)?.querySelector('.exam-number');
    if (number) number.textContent = `第 ${index + 1} 题`;
  });
  buildMap();
  show(run);
  showQuestion();
  startTimer();
}

function buildMap(): void {
  map.replaceChildren(...mapButtons(session!.draw.length, goTo));
  refreshMap();
}

function refreshMap(): void {
  const { draw, state, current } = session!;
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
  session = navigate(session!, index, Date.now());
  showQuestion();
}

function showQuestion(): void {
  const { draw, current } = session!;
  draw.forEach((item, itemIndex) => {
    const slot = slotOf(item.id);
    if (slot) slot.hidden = itemIndex !== current;
  });
  position.textContent = `第 ${current + 1} 题，共 ${draw.length} 题`;
  prevButton.disabled = current === 0;
  nextButton.disabled = current === draw.length - 1;
  refreshMap();
  slotOf(draw[current]?.id ?? '')?.querySelector<HTMLElement>('.exam-number')?.focus();
}

root.addEventListener('quiz-change', (event) => {
  if (!session) return;
  const { itemId, response } = (event as CustomEvent<{ itemId: string; response: unknown }>).detail;
  const next = answer(session, itemId, response, Date.now());
  if (next === session) return;
  session = next;
  refreshMap();
  save();
});

function startTimer(): void {
  stopTimer();
  stopTimer = startCountdown(
    timer,
    {
      left: () => (session && viewOf(session) === 'running' ? secondsLeft(session.state, Math.floor(Date.now() / 1000)) : null),
      announce,
      expired: () => finish(expire(setup!, session!, Date.now()), true),
    },
    session!.state.deadline > 0,
  );
}

const liveRegion = $('#exam-live');
function announce(text: string): void {
  liveRegion.textContent = text;
}

function askToSubmit(): void {
  unansweredList.replaceChildren(
    ...unansweredSummary(unansweredNumbers(session!), (number) => {
      confirmDialog.close();
      goTo(number - 1);
    }),
  );
  confirmDialog.showModal();
}

/** After a submit or time-up: save, report, lock the questions, show the result. */
function finish(next: { session: ExamSession; report?: ExamReport }, automatic: boolean): void {
  if (!next.report) return;
  stopTimer();
  if (confirmDialog.open) confirmDialog.close();
  apply(next);
  for (const item of session!.draw) {
    const question = questionOf(item.id);
    if (question) question.disabled = true;
  }
  renderResult(automatic);
}

// ── result ──────────────────────────────────────────────────────────────────────────────────────────────
function renderResult(automatic = false): void {
  if (!session?.state.last) return renderIntro();
  showResult(root, { session, report: reportOf(setup!, session, Date.now()), rules: config.rules, automatic, notes, ruleTitles });
  show(result);
  $('#result-title').focus();
}

// ── wiring ──────────────────────────────────────────────────────────────────────────────────────────────
function startAttempt(): void {
  const next = start(setup!, session!, allModulesCompleted(), Date.now());
  if (next === session) return renderIntro();
  apply({ session: next });
  renderRunning();
}
startButton.addEventListener('click', startAttempt);
$<HTMLButtonElement>('#exam-retake').addEventListener('click', startAttempt);
prevButton.addEventListener('click', () => goTo(session!.current - 1));
nextButton.addEventListener('click', () => goTo(session!.current + 1));
submitButton.addEventListener('click', askToSubmit);
confirmSubmit.addEventListener('click', () => finish(submit(setup!, session!, Date.now()), false));
confirmCancel.addEventListener('click', () => confirmDialog.close());

/** Starts from the saved state: the shell's snapshot, or nothing when the page is opened on its own. */
function begin(): void {
  if (setup) return;
  if (snapshot) {
    config.rules = snapshot.examRules;
    // The refresher's home is not the course's home.
    for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-home]')) link.href = snapshot.homePage;
  }
  setup = examSetup({
    items: bank,
    learnerId: snapshot?.learnerId || localLearnerId(),
    edition: config.edition,
    size: config.size,
    quotas: config.quotas,
    require: config.require,
    rules: config.rules,
    moduleTitles: config.moduleTitles,
  });
  const restored = restore(setup, decodeExamState(snapshot?.segments.ex), Date.now());
  // A relaunch after the deadline: what was answered has just been submitted.
  if (restored.report) return finish(restored, true);
  session = restored.session;
  render();
}

async function load(): Promise<void> {
  const response = await fetch(root.dataset.src ?? 'exam-data.bin', { cache: 'no-store' });
  if (!response.ok) throw new Error(`exam data: HTTP ${response.status}`);
  const data = decodeExamData<ExamData>(await response.arrayBuffer(), config.dataKey);
  bank = data.items.map((item) => withPageTexts(item, slotOf(item.id)));
  notes = data.notes;
  ruleTitles = data.ruleTitles;
  // Opened without the course shell (a direct link): run at once, with in-memory state only.
  if (!inShell()) return begin();
  $shell.subscribe((value) => {
    if (!value || value.connection === 'pending') return;
    snapshot = value;
    if (!setup) begin();
    else if (session && viewOf(session) === 'intro') renderIntro();
  });
  connectToShell();
}

load().catch(() => {
  status.textContent = '考试题目加载失败，请刷新页面重试。';
  startButton.hidden = true;
});
