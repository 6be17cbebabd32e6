import type { WantedVersion } from '../scorm/runtime/profiles.ts';
import { unwrap, wrap, type PageToShell, type ShellSnapshot, type ShellToPage } from '../bridge/messages.ts';
import {
  $completedCount,
  $location,
  $moduleFlags,
  $moduleStatuses,
  $outline,
  $segments,
  answerModuleCheck,
  finishModuleRoleplay,
  reachModuleEnd,
  setLocation,
  setSegment,
  visitModule,
  type OutlineModule,
} from '../stores/course.ts';
import { $session, connectLms, type LmsSync } from '../stores/lms-sync.ts';
import type { ExamRules } from '../exam/policy.ts';

/**
 * The launch page's script: finds the LMS, owns the one SCORM session (Initialize once, Terminate once) and the
 * learner state, and shows pages in the content frame. A page reload in the frame never touches the session.
 */

interface CourseData {
  identifier: string;
  title: string;
  edition: number;
  courseTag: string;
  contentHash: string;
  /** Page shown first in the content frame. */
  homePage: string;
  modules: OutlineModule[];
  exam: ExamRules;
  /** Every page of this course, for validating a restored location. */
  coursePages: string[];
}

const courseData = JSON.parse(document.getElementById('course-data')?.textContent ?? '{}') as CourseData;
const wantedVersion = (document.querySelector<HTMLMetaElement>('meta[name="scorm-version"]')?.content ??
  'auto') as WantedVersion;
const frame = document.querySelector<HTMLIFrameElement>('#content-frame')!;
const notice = document.querySelector<HTMLElement>('#shell-notice')!;
// The refresher has no modules and so no progress bar.
const progressText = document.querySelector<HTMLElement>('#shell-progress-text');
const progressBar = document.querySelector<HTMLProgressElement>('#shell-progress');
const exitButton = document.querySelector<HTMLButtonElement>('#shell-exit')!;
const homeButton = document.querySelector<HTMLButtonElement>('#shell-home')!;
const exitScreen = document.querySelector<HTMLElement>('#shell-exited')!;

$outline.set(courseData.modules);
// Progress flags exist from the first moment, so a lesson opened while the LMS API is still being looked for
// counts (lms-sync merges it with the restored state).
$moduleFlags.set(courseData.modules.map(() => 0));

function snapshot(): ShellSnapshot {
  const session = $session.get();
  return {
    connection: session.connection,
    recording: session.recording,
    course: { identifier: courseData.identifier, title: courseData.title, edition: courseData.edition },
    // The LMS's pass mark (cmi5 masteryScore) wins over the config's, so the exam decides as the LMS will.
    examRules: session.passMark === undefined ? courseData.exam : { ...courseData.exam, passMark: session.passMark },
    homePage: courseData.homePage,
    learnerId: session.learnerId,
    learnerName: session.learnerName,
    moduleStatuses: $moduleStatuses.get(),
    completedCount: $completedCount.get(),
    location: $location.get(),
    segments: $segments.get(),
  };
}

function postSnapshot(): void {
  const target = frame.contentWindow;
  if (!target) return;
  const message: ShellToPage = { type: 'snapshot', snapshot: snapshot() };
  target.postMessage(wrap(message), window.location.origin);
}

/** Only package pages may be shown: a relative `.html` path without a scheme or `..`. */
function isPackagePage(page: string): boolean {
  return /^[a-z0-9][a-z0-9/_-]*\.html(#[A-Za-z0-9_-]+)?$/.test(page) && !page.includes('..');
}

function show(page: string): void {
  if (isPackagePage(page)) frame.src = page;
}

function notePage(page: string, moduleIndex: number | undefined): void {
  // The home page is not a place to resume to; lessons and activities are.
  if (page && page !== courseData.homePage) setLocation(page);
  if (moduleIndex !== undefined) visitModule(moduleIndex);
}

/**
 * Notes the page the frame shows now, read from its body's data attributes (same origin). A learner may leave
 * before that page's script has announced itself (its modules still loading on a slow machine or network): the
 * page is on screen, so a relaunch must come back to it.
 */
function noteFramePage(): void {
  try {
    const body = frame.contentDocument?.body;
    if (!body?.dataset.page) return;
    const moduleIndex = body.dataset.moduleIndex === undefined ? undefined : Number(body.dataset.moduleIndex);
    notePage(body.dataset.page, moduleIndex);
  } catch {
    // A page of another origin in the frame (never ours): nothing to note.
  }
}

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || event.source !== frame.contentWindow) return;
  const message = unwrap<PageToShell>(event.data);
  if (!message) return;
  switch (message.type) {
    case 'page-ready':
      notePage(message.page, message.moduleIndex);
      postSnapshot();
      break;
    case 'module-end':
      reachModuleEnd(message.moduleIndex);
      break;
    case 'check-answered':
      answerModuleCheck(message.moduleIndex);
      break;
    case 'roleplay-done':
      finishModuleRoleplay(message.moduleIndex);
      break;
    case 'segment':
      setSegment(message.key, message.value);
      break;
    case 'navigate':
      show(message.page);
      break;
    case 'exam-submitted':
      sync?.reportExam(message.report);
      break;
  }
});

function renderChrome(): void {
  const total = courseData.modules.length;
  const done = $completedCount.get();
  if (progressText) progressText.textContent = `已完成 ${done}/${total} 个单元`;
  if (progressBar) {
    progressBar.max = total;
    progressBar.value = done;
  }
  const session = $session.get();
  const messages: string[] = [];
  if (session.lmsProblem === 'launch-refused') {
    messages.push('学习平台的启动信息无效或已失效，无法连接：学习进度只保存在本浏览器中，学习结果不会上报。请回到学习平台重新打开本课程。');
  } else if (session.lmsProblem === 'session-ended') {
    messages.push('本次学习已结束，学习记录已交给学习平台。如需继续学习，请回到学习平台重新打开本课程；此页面上的操作不会上报。');
  } else if (session.connection === 'standalone') {
    messages.push('未连接到学习平台：学习进度只保存在本浏览器中，学习结果不会上报。');
  }
  if (session.lmsProblem === 'saving-refused') {
    messages.push('学习平台拒绝接收学习记录（登录可能已失效）。您的答题结果已保存在本浏览器中；请回到学习平台重新打开本课程。');
  } else if (session.lmsProblem === 'saving-retried' && !session.saveProblem) {
    messages.push('暂时连不上学习平台，学习记录会自动重试发送，不会丢失。请先不要关闭窗口。');
  }
  if (!session.recording) messages.push('当前为回顾模式：可以浏览全部内容，学习记录不会被保存。');
  if (session.saveProblem) messages.push('学习平台暂时没有保存成功，系统会自动重试。请先不要关闭窗口。');
  const text = messages.join(' ');
  if (notice.textContent !== text) notice.textContent = text;
  notice.hidden = text === '';
}

for (const store of [$moduleStatuses, $location, $segments, $session]) {
  store.listen(() => {
    renderChrome();
    postSnapshot();
  });
}
renderChrome();

homeButton.addEventListener('click', () => show(courseData.homePage));

let sync: LmsSync | undefined;

/** What to do after 保存并退出 depends on where the course runs: an LMS frame, a popup, or standalone. */
function exitAdvice(): { title: string; text: string } {
  const session = $session.get();
  if (session.connection !== 'lms') {
    return {
      title: '学习进度已保存在本浏览器中',
      text: '您已退出本课程。本次没有连接学习平台，学习结果没有上报；用同一台电脑、同一个浏览器再次打开时，会从上次的位置继续。',
    };
  }
  const popup = window.opener !== null && window.parent === window;
  return {
    title: session.recording ? '学习进度已保存' : '已退出回顾模式',
    text: popup
      ? '您已退出本课程。请关闭此窗口，回到学习平台。下次打开时会从上次的位置继续。'
      : '您已退出本课程。请点击学习平台页面上的“退出活动”（或“返回课程”）按钮离开。下次打开时会从上次的位置继续。',
  };
}

function exitCourse(): void {
  noteFramePage();
  sync?.finish();
  frame.remove();
  // An empty main would push the message below a blank area as tall as the LMS's player frame.
  frame.ownerDocument.querySelector<HTMLElement>('.shell-main')?.setAttribute('hidden', '');
  const advice = exitAdvice();
  exitScreen.querySelector('h1')!.textContent = advice.title;
  exitScreen.querySelector('#shell-exited-text')!.textContent = advice.text;
  exitScreen.hidden = false;
  exitScreen.focus();
  exitButton.disabled = true;
  homeButton.disabled = true;
}
exitButton.addEventListener('click', exitCourse);

// unload is unreliable: save when the page is hidden, finish on pagehide (docs/lms-behaviour.md: LMS failure modes).
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'hidden') return;
  noteFramePage();
  sync?.flush();
});
window.addEventListener('pagehide', () => {
  noteFramePage();
  sync?.finish();
});

async function connect(): Promise<void> {
  const connected = await connectLms(window, wantedVersion, `yks-course:${courseData.identifier}`, {
    courseTag: courseData.courseTag,
    contentHash: courseData.contentHash,
    exam: courseData.exam,
    coursePages: courseData.coursePages,
  });
  sync = connected.sync;
  document.documentElement.dataset.lms = connected.version;
  renderChrome();
  postSnapshot();
}
void connect();
