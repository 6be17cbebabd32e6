// @ts-check
/* A minimal SCORM 1.2 LMS for timing (`npm run bench`): an in-memory `window.API` that answers every call at once,
 * and the package in a frame. Nothing like scorm-again's 600 KB runtime, so what is measured is the course.
 * Query: pkg=<package name>, page=<launch file> (default index.html). */
(function () {
  /** @type {Record<string, string>} */
  const cmi = {
    'cmi.core.student_id': 'bench',
    'cmi.core.student_name': 'Bench, Learner',
    'cmi.core.lesson_status': 'not attempted',
    'cmi.core.entry': 'ab-initio',
    'cmi.core.lesson_mode': 'normal',
    'cmi.core.credit': 'credit',
    'cmi.interactions._count': '0',
    'cmi.objectives._count': '0',
  };
  // @ts-ignore the SCORM 1.2 API object lives on the window (RTE 3.3.6.1).
  window.API = {
    LMSInitialize: () => 'true',
    LMSFinish: () => 'true',
    LMSGetValue: (/** @type {string} */ name) => cmi[name] ?? '',
    LMSSetValue: (/** @type {string} */ name, /** @type {string} */ value) => ((cmi[name] = String(value)), 'true'),
    LMSCommit: () => 'true',
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => '',
    LMSGetDiagnostic: () => '',
  };
  const params = new URLSearchParams(location.search);
  addEventListener('DOMContentLoaded', () => {
    const frame = /** @type {HTMLIFrameElement} */ (document.getElementById('course'));
    frame.src = `/lms-content/tenant-7/course-files/3f9a0c/${params.get('pkg')}/${params.get('page') || 'index.html'}`;
  });
})();
