import type { ErrorSink, LmsDriver } from '../driver.ts';

/**
 * What the launch page needs to know of one SCORM version at run time. Each version folder exports one
 * (scorm12/profile.ts, scorm2004/profile.ts); nothing outside the version folders branches on the version.
 */
export interface RuntimeProfile {
  /** As the packager writes it into `<meta name="scorm-version">` of the launch page. */
  readonly version: '1.2' | '2004';
  /** The window property the RTE's API discovery looks for (1.2 RTE 3.3.6.1 `API`; 2004 RTE 3.3.5 `API_1484_11`). */
  readonly apiName: string;
  /** The version's driver around the API object that discovery found. */
  createDriver(api: unknown, onError: ErrorSink): LmsDriver;
}
