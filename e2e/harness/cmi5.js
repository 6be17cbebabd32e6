// @ts-check
/* The preview LMS in cmi5 mode: it plays the LMS side through the test LMS that e2e/server/serve.ts mounts under
 * /cmi5/ (e2e/cmi5-lms/): it registers the cmi5 zip's course, creates (or reuses) this learner's registration,
 * asks the LMS for a launch URL and opens the AU in its frame, and shows the LRS's statement stream live beside it,
 * with every statement the LMS rejected and the requirement ids it named.
 *
 * Query: pkg=<cmi5 zip name without .zip> (default: the configured course's cmi5 package), learner=<id>,
 *        name=<learner name>, mode=Normal|Browse|Review, registration=<id> (launch a registration a test made
 *        through the LMS API, e.g. with learner data seeded by POST /cmi5/api/state). The registration is kept per package and learner in
 *        localStorage, so reloading this page is a relaunch: a new session in the same registration (cmi5 9.6.1).
 * Tests read `window.cmi5Harness` (registration, sessionId, launchUrl) and the LMS's own API.
 */
(function () {
  const params = new URLSearchParams(location.search);
  // @ts-ignore served by e2e/server/serve.ts from course.config.yaml
  const packages = /** @type {Record<string, string>} */ (window.courseConfig.packages);
  const cmi5Packages = Object.entries(packages).filter(([key]) => key.endsWith('cmi5'));
  const pkg = params.get('pkg') || packages.cmi5 || (cmi5Packages[0] ? cmi5Packages[0][1] : '');
  const learner = params.get('learner') || 'learner-001';
  const name = params.get('name') || learner;
  const mode = params.get('mode') || 'Normal';
  const storageKey = `cmi5-harness:${pkg}:${learner}`;

  const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const frame = /** @type {HTMLIFrameElement} */ (byId('course'));
  const pkgSelect = /** @type {HTMLSelectElement} */ (byId('pkg'));
  const modeSelect = /** @type {HTMLSelectElement} */ (byId('mode'));
  const state = { registration: '', sessionId: '', launchUrl: '', since: '', error: '' };
  // @ts-ignore for the Playwright tests
  window.cmi5Harness = state;

  for (const [key, value] of cmi5Packages) {
    const option = new Option(`${key === 'cmi5' ? '课程' : '复训'}：${value}`, value, false, value === pkg);
    pkgSelect.append(option);
  }
  modeSelect.value = mode;

  function status(/** @type {string} */ text) {
    byId('status').textContent = text;
  }

  /**
   * The test LMS's own API (e2e/cmi5-lms/lms.ts): GET without a body, POST with one.
   * @param {string} path
   * @param {unknown} [body]
   */
  async function api(path, body) {
    const response = await fetch(`/cmi5/api/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
    return data;
  }

  async function ensureRegistration() {
    const given = params.get('registration');
    if (given && !localStorage.getItem(storageKey)) localStorage.setItem(storageKey, given);
    const known = localStorage.getItem(storageKey);
    if (known) {
      try {
        await api(`registrations/${known}`);
        return known;
      } catch {
        // The server was restarted (it keeps registrations in memory): start a new one.
      }
    }
    await api('courses', { package: pkg });
    const { registration } = await api('registrations', { package: pkg, learner, name });
    localStorage.setItem(storageKey, registration);
    return registration;
  }

  async function launch() {
    try {
      state.registration = await ensureRegistration();
      const returnURL = new URL(`/cmi5/returned.html?registration=${state.registration}`, location.href).href;
      const launched = await api('launch', { registration: state.registration, launchMode: modeSelect.value, returnURL });
      state.sessionId = launched.sessionId;
      state.launchUrl = launched.url;
      document.body.dataset.registration = state.registration;
      document.body.dataset.session = state.sessionId;
      frame.src = launched.url;
      status(`cmi5 · ${pkg} · 学员 ${learner} · ${modeSelect.value}`);
    } catch (error) {
      state.error = String(error);
      status(`无法启动：${state.error}`);
    }
  }

  /** @param {any} statement */
  function describe(statement) {
    const verb = String(statement.verb?.display?.['en-US'] || statement.verb?.id || '').replace(/^.*\//, '');
    const object = String(statement.object?.id || '').replace(/^.*\/(interactions\/)/, '$1');
    const result = statement.result || {};
    const bits = [
      result.score && typeof result.score.scaled === 'number' ? `得分 ${Math.round(result.score.scaled * 100)}%` : '',
      result.success === true ? '通过' : result.success === false ? '未通过' : '',
      result.completion === true ? '完成' : '',
      result.duration ? `用时 ${result.duration}` : '',
      typeof result.response === 'string' ? `作答 ${result.response}` : '',
    ].filter(Boolean);
    return { verb, text: `${verb} ${object.startsWith('interactions/') ? object : ''} ${bits.join('，')}`.trim() };
  }

  async function poll() {
    if (!state.registration) return;
    try {
      const query = new URLSearchParams({ registration: state.registration, ...(state.since ? { since: state.since } : {}) });
      /** @type {any[]} */
      const statements = await api(`statements?${query}`);
      const list = byId('statements');
      for (const statement of statements) {
        const { verb, text } = describe(statement);
        const item = document.createElement('li');
        item.className = `verb-${verb}`;
        const time = document.createElement('time');
        time.dateTime = statement.timestamp;
        time.textContent = String(statement.timestamp).slice(11, 19);
        item.append(time, ` ${text}`);
        list.prepend(item);
        state.since = statement.stored;
      }
      const summary = await api(`registrations/${state.registration}`);
      const dl = byId('summary');
      dl.replaceChildren();
      const rows = [
        ['登记号', summary.registration],
        ['课程包', summary.package],
        ['会话数', String(summary.sessions.length)],
        ['满足 moveOn', summary.satisfied ? '是（已写 satisfied）' : '否'],
        ['被拒绝', String(summary.rejections.length)],
      ];
      for (const [term, value] of rows) {
        const dt = document.createElement('dt');
        dt.textContent = term;
        const dd = document.createElement('dd');
        dd.textContent = value;
        dl.append(dt, dd);
      }
      const rejections = byId('rejections');
      rejections.replaceChildren(
        ...summary.rejections.map((/** @type {any} */ r) => {
          const item = document.createElement('li');
          item.textContent = `${r.status} ${r.method} ${r.path}：${r.requirements.map((/** @type {any} */ q) => `${q.id} ${q.detail}`).join('；')}`;
          return item;
        }),
      );
    } catch {
      // The next poll tries again (the server may be restarting).
    }
  }

  byId('launch-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (pkgSelect.value !== pkg) {
      const next = new URLSearchParams(location.search);
      next.set('pkg', pkgSelect.value);
      next.set('mode', modeSelect.value);
      location.search = next.toString();
      return;
    }
    launch();
  });
  byId('reset').addEventListener('click', () => {
    localStorage.removeItem(storageKey);
    byId('statements').replaceChildren();
    state.since = '';
    launch();
  });

  if (!pkg) status('此配置未生成 cmi5 课程包（course.config.yaml 的 packages 里加上 cmi5）。');
  else launch();
  setInterval(poll, 1000);
})();
