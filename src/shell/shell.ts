import { createDriver } from '../scorm/create-driver.ts';
import type { WantedVersion } from '../scorm/discovery.ts';
import { unwrap, wrap, type PageToShell, type ShellSnapshot, type ShellToPage } from '../bridge/messages.ts';
import {
  $completedCount,
  $location,
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
import { $session, recordLmsError, startLmsSync, type LmsSync } from '../stores/lms-sync.ts';
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

function snapshot(): ShellSnapshot {
  const session = $session.get();
  return {
    connection: session.connection,
    recording: session.recording,
    course: { identifier: courseData.identifier, title: courseData.title, edition: courseData.edition },
    examRules: courseData.exam,
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

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin || event.source !== frame.contentWindow) return;
  const message = unwrap<PageToShell>(event.data);
  if (!message) return;
  switch (message.type) {
    case 'page-ready':
      // The home page is not a place to resume to; lessons and activities are.
      if (message.page && message.page !== courseData.homePage) setLocation(message.page);
      if (message.moduleIndex !== undefined) visitModule(message.moduleIndex);
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
  if (session.connection === 'standalone') {
    messages.push('未连接到学习平台：学习进度只保存在本浏览器中，学习结果不会上报。');
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

function exitCourse(): void {
  sync?.finish();
  frame.remove();
  exitScreen.hidden = false;
  exitScreen.focus();
  exitButton.disabled = true;
  homeButton.disabled = true;
}
exitButton.addEventListener('click', exitCourse);

// unload is unreliable: save when the page is hidden, finish on pagehide (GUIDE: LMS failure modes).
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') sync?.flush();
});
window.addEventListener('pagehide', () => sync?.finish());

async function connect(): Promise<void> {
  const driver = await createDriver(window, wantedVersion, `yks-course:${courseData.identifier}`, recordLmsError);
  sync = startLmsSync(driver, { courseTag: courseData.courseTag, contentHash: courseData.contentHash, exam: courseData.exam });
  document.documentElement.dataset.lms = driver.version;
  renderChrome();
  postSnapshot();
}
void connect();
