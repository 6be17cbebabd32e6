import type { CourseConfig, PackageKind } from '../../config/schema.ts';
import { courseIdentity, type CourseMode } from '../../config/identity.ts';
import type { PackageProfile } from '../package-description.ts';
import { scorm12Package } from '../scorm12/package-profile.ts';
import { scorm2004Package } from '../scorm2004/package-profile.ts';
import { cmi5Package } from '../cmi5/package-profile.ts';

/** The per-version packaging table: the one place a package kind from course.config.yaml meets its version. */
export const packageProfiles: Readonly<Record<PackageKind, PackageProfile>> = {
  scorm12: scorm12Package,
  scorm2004: scorm2004Package,
  cmi5: cmi5Package,
};

/** A package's file name without `.zip`, e.g. `yks-service-conduct-scorm12`, `…-refresher-2027-scorm2004`, `…-cmi5`. */
export function packageName(config: CourseConfig, mode: CourseMode, kind: PackageKind): string {
  return `${courseIdentity(config, mode).identifier}-${kind}`;
}
