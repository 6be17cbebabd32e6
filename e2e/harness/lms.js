// @ts-check
/* The preview/test LMS: scorm-again's runtime in the parent frame, the course in an iframe (or a popup).
 * It records every API call with its answer, keeps each learner's cmi data in localStorage between launches
 * (so a relaunch resumes like a real LMS), and exposes `window.harness` for the Playwright tests.
 *
 * Query: v=1.2|2004 (API version), pkg=<zip name without .zip>, learner=<id>, name=<learner name>,
 *        launch=iframe|popup|none, mode=normal|review|browse, credit=credit|no-credit, late=<ms> (API appears late),
 *        suspend=<suspend_data to start from>, emptyMode=1 (lesson_mode and credit read as '').
 *        file=<launch file> (default index.html; refresher.html for the refresher zip).
 * Faults for tests: harness.faults.commitFails = n (the next n commits answer "false" with error 391/101),
 * harness.faults.setValueFails = /regexp/ (SetValue on matching elements answers "false").
 */
(function () {
  const params = new URLSearchParams(location.search);
  const version = params.get('v') === '2004' ? '2004' : '1.2';
  const pkg = params.get('pkg') || `yks-service-conduct-${version === '2004' ? 'scorm2004' : 'scorm12'}`;
  const learnerId = params.get('learner') || 'learner-001';
  const learnerName = params.get('name') || 'Zhang, San';
  const launchMode = params.get('launch') || 'iframe';
  const lessonMode = params.get('mode') || '';
  const credit = params.get('credit') ?? 'credit';
  const lateMs = Number(params.get('late') || 0);
  // Some LMSs answer lesson_mode/credit with empty strings (scorm-again itself refuses to hold them).
  const emptyModeAndCredit = params.get('emptyMode') === '1';
  // file=refresher.html launches the refresher zip (its launch file is not index.html).
  const launchFile = /^[a-z-]+\.html$/.test(params.get('file') || '') ? params.get('file') : 'index.html';
  const contentUrl = `/lms-content/tenant-7/course-files/3f9a0c/${pkg}/${launchFile}`;
  const storageKey = `harness:${pkg}:${learnerId}`;

  /** @type {Array<{fn: string, args: string[], result: string, error: string, at: number}>} */
  const log = [];
  /** @type {{ commitFails: number, setValueFails: RegExp | null }} */
  const faults = { commitFails: 0, setValueFails: null };

  // @ts-ignore scorm-again's browser bundle defines these globals.
  const { Scorm12API, Scorm2004API } = window;
  const settings = { autocommit: false, logLevel: 5, lmsCommitUrl: false };
  const api = version === '2004' ? new Scorm2004API(settings) : new Scorm12API(settings);

  /** @returns {{cmi: any, exit: string} | null} */
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
  if (version === '2004') {
    api.cmi.learner_id = learnerId;
    api.cmi.learner_name = learnerName;
    api.cmi.entry = resume ? 'resume' : saved ? '' : 'ab-initio';
    if (lessonMode) api.cmi.mode = lessonMode;
    api.cmi.credit = credit;
  } else {
    api.cmi.core.student_id = learnerId;
    api.cmi.core.student_name = learnerName;
    api.cmi.core.entry = resume ? 'resume' : saved ? '' : 'ab-initio';
    if (lessonMode) api.cmi.core.lesson_mode = lessonMode;
    api.cmi.core.credit = credit;
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
    localStorage.setItem(storageKey, JSON.stringify({ cmi, exit: lastExit }));
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
  if (lateMs > 0) setTimeout(attachApi, lateMs);
  else attachApi();

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
  document.getElementById('reset')?.addEventListener('click', () => {
    localStorage.removeItem(storageKey);
    location.reload();
  });
  document.getElementById('relaunch')?.addEventListener('click', () => location.reload());
  document.getElementById('popup')?.addEventListener('click', () => {
    frame.src = 'about:blank';
    popup = window.open(contentUrl, 'course');
  });
  status(`SCORM ${version} · ${pkg} · 学员 ${learnerId}${saved ? '（已有记录）' : ''}`);

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
  };
  launch();
})();
