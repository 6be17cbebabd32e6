// @ts-check
/* The preview/test LMS: scorm-again's runtime in the parent frame, the course in an iframe (or a popup).
 * Like an LMS, it reads the package's imsmanifest.xml for the launch file. It records every API call with its
 * answer, keeps each learner's cmi data in localStorage between launches (so a relaunch resumes like a real LMS),
 * and exposes `window.harness` for the Playwright tests.
 *
 * Query: v=1.2|2004 (API version), pkg=<zip name without .zip> (default: the configured course package),
 *        learner=<id>, name=<learner name>, launch=iframe|popup|none, mode=normal|review|browse,
 *        credit=credit|no-credit, late=<ms>|manual (API appears late, or on harness.attachApi()),
 *        suspend=<suspend_data to start from>,
 *        emptyMode=1 (lesson_mode and credit read as ''), profile=strict|moodle (see below).
 * Faults for tests: harness.faults.commitFails = n (the next n commits answer "false" with error 391/101),
 * harness.faults.setValueFails = /regexp/ (SetValue on matching elements answers "false").
 *
 * profile=moodle behaves like a stock Moodle 4.3 as measured (docs/lms-behaviour.md): it pre-fills the manifest's
 * objectives (2004: the primary objective first) in cmi.objectives; it stores a commit's elements one by one in the
 * order received and runs its activity-completion check when `score.raw` arrives (and on a commit that sets a
 * status without a score), reading the status stored at that moment; at the end of a 1.2 browse launch it turns
 * "not attempted" into "completed"; and it relaunches a completed activity in review mode. `harness.lms()` shows
 * what it stored and whether the activity is complete.
 */
(function () {
  const params = new URLSearchParams(location.search);
  const version = params.get('v') === '2004' ? '2004' : '1.2';
  // @ts-ignore served by e2e/server/serve.ts from course.config.yaml
  const course = window.courseConfig;
  const pkg = params.get('pkg') || course.packages[version];
  const profile = params.get('profile') === 'moodle' ? 'moodle' : 'strict';
  const learnerId = params.get('learner') || 'learner-001';
  const learnerName = params.get('name') || 'Zhang, San';
  const launchMode = params.get('launch') || 'iframe';
  const lessonMode = params.get('mode') || '';
  const credit = params.get('credit') ?? 'credit';
  const lateMs = Number(params.get('late') || 0);
  // Some LMSs answer lesson_mode/credit with empty strings (scorm-again itself refuses to hold them).
  const emptyModeAndCredit = params.get('emptyMode') === '1';
  const packageRoot = `/lms-content/tenant-7/course-files/3f9a0c/${pkg}/`;
  let contentUrl = `${packageRoot}index.html`;
  const storageKey = `harness:${profile}:${pkg}:${learnerId}`;

  /** @type {Array<{fn: string, args: string[], result: string, error: string, at: number}>} */
  const log = [];
  /** @type {{ commitFails: number, setValueFails: RegExp | null }} */
  const faults = { commitFails: 0, setValueFails: null };

  // @ts-ignore scorm-again's browser bundle defines these globals.
  const { Scorm12API, Scorm2004API } = window;
  const settings = { autocommit: false, logLevel: 5, lmsCommitUrl: false };
  const api = version === '2004' ? new Scorm2004API(settings) : new Scorm12API(settings);

  /** @returns {{cmi: any, exit: string, lms?: {stored: Record<string, string>, completedOrPassed: boolean, passed: boolean}} | null} */
  function readSaved() {
    try {
      return JSON.parse(localStorage.getItem(storageKey) || 'null');
    } catch {
      return null;
    }
  }

  // A relaunch: load what the LMS kept, then set entry the way an LMS does (resume after a suspend exit).
  const saved = readSaved();
  if (saved && saved.cmi) {
    api.loadFromJSON(saved.cmi, '');
  }
  // A test can start from given learner data (suspend_data), as if a previous session had left it.
  // Only for a learner without saved data: a relaunch (same URL) resumes from what the LMS kept.
  const presetSuspend = saved ? null : params.get('suspend');
  const resume = Boolean((saved && saved.exit === 'suspend') || presetSuspend);
  if (presetSuspend !== null) api.cmi.suspend_data = presetSuspend;

  /** What a Moodle-like LMS has stored (element → value) and its activity completion (profile=moodle). */
  const lms = {
    stored: /** @type {Record<string, string>} */ ({ ...((saved && saved.lms && saved.lms.stored) || {}) }),
    completedOrPassed: Boolean(saved && saved.lms && saved.lms.completedOrPassed),
    passed: Boolean(saved && saved.lms && saved.lms.passed),
  };
  // Moodle relaunches a completed activity in review mode (lesson_mode review, credit no-credit).
  const reviewRelaunch = profile === 'moodle' && !lessonMode && lms.completedOrPassed;
  const mode = reviewRelaunch ? 'review' : lessonMode;
  const creditValue = reviewRelaunch ? 'no-credit' : credit;
  const statusElement = version === '2004' ? 'cmi.completion_status' : 'cmi.core.lesson_status';
  if (version === '2004') {
    api.cmi.learner_id = learnerId;
    api.cmi.learner_name = learnerName;
    api.cmi.entry = resume ? 'resume' : saved ? '' : 'ab-initio';
    if (mode) api.cmi.mode = mode;
    api.cmi.credit = creditValue;
  } else {
    api.cmi.core.student_id = learnerId;
    api.cmi.core.student_name = learnerName;
    api.cmi.core.entry = resume ? 'resume' : saved ? '' : 'ab-initio';
    if (mode) api.cmi.core.lesson_mode = mode;
    api.cmi.core.credit = creditValue;
  }
  if (!(statusElement in lms.stored)) lms.stored[statusElement] = String(api.getCMIValue(statusElement) || '');

  /** @type {Array<[string, string]>} SetValues since the last commit, in the order received. */
  let pending = [];
  /** Moodle's completion check: reads the status stored at this moment (docs/lms-behaviour.md). */
  function completionCheck() {
    const status = lms.stored[statusElement] || '';
    const success = version === '2004' ? lms.stored['cmi.success_status'] || '' : status;
    if (status === 'completed' || status === 'passed' || success === 'passed') lms.completedOrPassed = true;
    if (success === 'passed') lms.passed = true;
  }
  /** Stores one commit's elements one by one, in the order received, the way Moodle's track table does. */
  function storeCommit() {
    const batch = pending;
    pending = [];
    const hasScore = batch.some(([name]) => /score\.raw$/.test(name));
    let statusChanged = false;
    for (const [name, value] of batch) {
      lms.stored[name] = value;
      if (/score\.raw$/.test(name)) completionCheck();
      if (name === statusElement || name === 'cmi.success_status') statusChanged = true;
    }
    if (statusChanged && !hasScore) completionCheck();
  }
  /** The manifest's objectives, the primary one first (SN 5.1.6), as Moodle puts them into cmi.objectives. */
  let manifestObjectives = /** @type {string[]} */ ([]);
  function prefillObjectives() {
    const count = Number(api.GetValue('cmi.objectives._count')) || 0;
    const present = new Set(Array.from({ length: count }, (_, index) => String(api.GetValue(`cmi.objectives.${index}.id`))));
    let next = count;
    for (const id of manifestObjectives) if (!present.has(id)) api.SetValue(`cmi.objectives.${next++}.id`, id);
  }

  function snapshotCmi() {
    return JSON.parse(JSON.stringify(api.cmi));
  }

  let lastExit = '';
  function persist() {
    const cmi = snapshotCmi();
    // Session values are per session; the LMS folds session_time into total_time and does not keep exit.
    if (version === '2004') {
      delete cmi.session_time;
      delete cmi.exit;
      delete cmi.entry;
    } else if (cmi.core) {
      delete cmi.core.session_time;
      delete cmi.core.exit;
      delete cmi.core.entry;
    }
    localStorage.setItem(storageKey, JSON.stringify({ cmi, exit: lastExit, lms }));
  }

  const names =
    version === '2004'
      ? ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']
      : ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];

  /** @type {Record<string, Function>} */
  const wrapper = {};
  for (const name of names) {
    wrapper[name] = (/** @type {string[]} */ ...args) => {
      let result;
      const isCommit = name === 'Commit' || name === 'LMSCommit';
      const isSet = name === 'SetValue' || name === 'LMSSetValue';
      if (isCommit && faults.commitFails > 0) {
        faults.commitFails--;
        result = 'false';
        forcedError = version === '2004' ? '391' : '101';
      } else if (isSet && faults.setValueFails && faults.setValueFails.test(String(args[0]))) {
        result = 'false';
        forcedError = version === '2004' ? '351' : '101';
      } else if (emptyModeAndCredit && /GetValue$/.test(name) && /(lesson_mode|\.mode|credit)$/.test(String(args[0]))) {
        forcedError = '';
        result = '';
      } else {
        forcedError = '';
        result = api[name](...args);
        if (isSet && /exit$/.test(String(args[0]))) lastExit = String(args[1]);
        if (isSet && String(result) === 'true') pending.push([String(args[0]), String(args[1])]);
        if (profile === 'moodle' && version === '2004' && name === 'Initialize' && String(result) === 'true') prefillObjectives();
        const ends = name === 'Terminate' || name === 'LMSFinish';
        if (String(result) === 'true' && (isCommit || ends) && profile === 'moodle') {
          storeCommit();
          // Moodle 4.3 at LMSFinish of a 1.2 browse launch: "not attempted" becomes "completed".
          if (ends && version === '1.2' && mode === 'browse' && ['', 'not attempted'].includes(lms.stored[statusElement] || '')) {
            lms.stored[statusElement] = 'completed';
            lms.completedOrPassed = true;
          }
        }
      }
      const isErrorCall = /LastError|ErrorString|Diagnostic/.test(name);
      if (isErrorCall && forcedError && /LastError/.test(name)) result = forcedError;
      const error = isErrorCall ? '' : String(api[version === '2004' ? 'GetLastError' : 'LMSGetLastError']());
      log.push({ fn: name, args: args.map(String), result: String(result), error, at: Date.now() });
      if (!isErrorCall) render(name, args, String(result));
      if (String(result) === 'true' && (isCommit || name === 'Terminate' || name === 'LMSFinish')) persist();
      return result;
    };
  }
  let forcedError = '';

  const logList = /** @type {HTMLOListElement} */ (document.getElementById('log'));
  const cmiView = /** @type {HTMLPreElement} */ (document.getElementById('cmi'));
  let cmiTimer = 0;
  function render(/** @type {string} */ name, /** @type {string[]} */ args, /** @type {string} */ result) {
    const item = document.createElement('li');
    item.textContent = `${name}(${args.map((a) => JSON.stringify(a)).join(', ')}) → ${JSON.stringify(result)}`;
    if (result === 'false') item.className = 'false';
    logList.prepend(item);
    while (logList.children.length > 300) logList.lastElementChild?.remove();
    clearTimeout(cmiTimer);
    cmiTimer = window.setTimeout(() => (cmiView.textContent = JSON.stringify(snapshotCmi(), null, 2)), 100);
  }

  function attachApi() {
    // @ts-ignore the SCORM API lives on the window, where the RTE discovery algorithm looks for it.
    window[version === '2004' ? 'API_1484_11' : 'API'] = wrapper;
  }

  const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('course'));
  /** @type {Window | null} */
  let popup = null;
  function launch() {
    if (launchMode === 'popup') {
      frame.remove();
      popup = window.open(contentUrl, 'course');
    } else if (launchMode === 'iframe') {
      frame.src = contentUrl;
    }
  }

  /** @param {string} text */
  function status(text) {
    const element = document.getElementById('status');
    if (element) element.textContent = text;
  }

  document.getElementById(version === '2004' ? 'switch-2004' : 'switch-12')?.setAttribute('aria-current', 'page');
  for (const [id, query] of /** @type {const} */ ([['switch-12', 'v=1.2'], ['switch-2004', 'v=2004']])) {
    document.getElementById(id)?.setAttribute('href', `?${query}&profile=${profile}`);
  }
  const profileSwitch = document.getElementById('profile-moodle');
  if (profileSwitch) {
    profileSwitch.setAttribute('href', `?v=${version}&profile=${profile === 'moodle' ? 'strict' : 'moodle'}`);
    profileSwitch.textContent = profile === 'moodle' ? '切换到严格模式（scorm-again）' : '切换到 Moodle 4.3 行为';
  }
  document.getElementById('reset')?.addEventListener('click', () => {
    localStorage.removeItem(storageKey);
    location.reload();
  });
  document.getElementById('relaunch')?.addEventListener('click', () => location.reload());
  document.getElementById('popup')?.addEventListener('click', () => {
    frame.src = 'about:blank';
    popup = window.open(contentUrl, 'course');
  });
  status(`SCORM ${version} · ${profile === 'moodle' ? '像 Moodle 4.3' : '严格'} · ${pkg} · 学员 ${learnerId}${saved ? '（已有记录）' : ''}`);

  // @ts-ignore test hook
  window.harness = {
    version,
    log,
    faults,
    contentUrl,
    storageKey,
    cmi: snapshotCmi,
    saved: readSaved,
    popup: () => popup,
    calls: (/** @type {string} */ fn) => log.filter((entry) => entry.fn === fn),
    falseAnswers: () => log.filter((entry) => entry.result === 'false'),
    value: (/** @type {string} */ element) => api.getCMIValue(element),
    profile,
    lms: () => JSON.parse(JSON.stringify(lms)),
    attachApi,
  };

  /** Like an LMS: the launch file and the objectives come from the package's manifest. */
  async function start() {
    const response = await fetch(`${packageRoot}imsmanifest.xml`);
    const manifest = new DOMParser().parseFromString(response.ok ? await response.text() : '<x/>', 'application/xml');
    const href = manifest.getElementsByTagName('resource')[0]?.getAttribute('href');
    if (href) contentUrl = `${packageRoot}${href}`;
    const imsss = 'http://www.imsglobal.org/xsd/imsss';
    manifestObjectives = [
      ...Array.from(manifest.getElementsByTagNameNS(imsss, 'primaryObjective')),
      ...Array.from(manifest.getElementsByTagNameNS(imsss, 'objective')),
    ]
      .map((element) => element.getAttribute('objectiveID') || '')
      .filter(Boolean);
    // @ts-ignore test hook
    window.harness.contentUrl = contentUrl;
    // late=manual: a test attaches the API itself (harness.attachApi()), e.g. under Playwright's paused clock.
    if (params.get('late') === 'manual') return launch();
    if (lateMs > 0) setTimeout(attachApi, lateMs);
    else attachApi();
    launch();
  }
  void start();
})();
