import type { ErrorSink, LmsDriver, LmsProblem } from '../driver.ts';

/**
 * What the launch page needs to know of one LMS protocol at run time. Each version folder exports one
 * (scorm12/profile.ts, scorm2004/profile.ts, cmi5/profile.ts); nothing outside the version folders branches on the
 * version. A profile says how its LMS is found: the SCORM ones name the window property the RTE's API discovery
 * looks for; cmi5 has no API object and reads its launch URL instead (`connect`).
 */
export type RuntimeProfile = ApiRuntimeProfile | LaunchUrlRuntimeProfile;

export interface ApiRuntimeProfile {
  /** As the packager writes it into `<meta name="scorm-version">` of the launch page. */
  readonly version: '1.2' | '2004';
  /** The window property the RTE's API discovery looks for (1.2 RTE 3.3.6.1 `API`; 2004 RTE 3.3.5 `API_1484_11`). */
  readonly apiName: string;
  /**
   * The version's driver around the API object that discovery found, imported only then: a launch page loads the
   * code of the one protocol its LMS speaks (the 12 KB page budget, e2e/budgets.spec.ts).
   */
  createDriver(api: unknown, onError: ErrorSink): Promise<LmsDriver>;
}

export interface LaunchUrlRuntimeProfile {
  readonly version: 'cmi5';
  readonly apiName?: undefined;
  /**
   * Connects from the launch page's own URL: `undefined` when the page was not launched this way, a driver when
   * connected, or the problem to tell the learner when the launch could not be used (standalone mode follows).
   */
  connect(win: Window, onError: ErrorSink): Promise<LmsDriver | LmsProblem | undefined>;
}
