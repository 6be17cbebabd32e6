// Where the tests find the packages: every identifier, edition and URL comes from course.config.yaml (or the file
// COURSE_CONFIG names), so HR's documented edits never break `npm test` (CI runs the suite with a second config).
import { loadCourseConfig } from '../../src/config/load-config.ts';
import type { CourseMode } from '../../src/config/identity.ts';
import type { PackageKind } from '../../src/config/schema.ts';
import { packageName } from '../../src/scorm/package/package-profiles.ts';

export const config = loadCourseConfig();

/** Where e2e/server/serve.ts mounts the packages: as deep and as unlike `/` as an LMS's content store. */
export const contentPrefix = '/lms-content/tenant-7/course-files/3f9a0c/';

export type Version = '1.2' | '2004';
const kindOf: Record<Version, PackageKind> = { '1.2': 'scorm12', '2004': 'scorm2004' };

/** The SCORM versions this configuration builds the course in: every LMS-facing test runs against each. */
export const versions: readonly Version[] = (['1.2', '2004'] as const).filter((v) => config.packages.course.includes(kindOf[v]));
/** The refresher's versions (may differ from the course's). */
export const refresherVersions: readonly Version[] = (['1.2', '2004'] as const).filter((v) =>
  config.packages.refresher.includes(kindOf[v]),
);
/** Whether this configuration builds the course / the refresher as a cmi5 package too (e2e/cmi5.spec.ts runs then). */
export const cmi5Built = config.packages.course.includes('cmi5');
export const cmi5RefresherBuilt = config.packages.refresher.includes('cmi5');
/** Every zip this configuration builds, by file name (SCORM and cmi5, course and refresher). */
export const allZipNames: readonly string[] = (['course', 'refresher'] as const).flatMap((mode) =>
  config.packages[mode].map((kind) => `${packageName(config, mode, kind)}.zip`),
);

/** For tests where the version is not the point: 2004 when it is built, else 1.2. */
export const primaryVersion: Version = versions.includes('2004') ? '2004' : versions[0]!;

export function packageNameOf(version: Version, mode: CourseMode = 'course'): string {
  return packageName(config, mode, kindOf[version]);
}

/** A page of a package as the LMS serves it, e.g. `packageUrl('2004', 'exam.html')`. */
export function packageUrl(version: Version, page = 'index.html', mode: CourseMode = 'course'): string {
  return `${contentPrefix}${packageNameOf(version, mode)}/${page}`;
}

/** The key standalone mode keeps progress under (src/shell/shell.ts). */
export const standaloneStorageKey = `yks-course:${config.course.identifier}`;
