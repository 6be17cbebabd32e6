import { scorm12Runtime } from '../scorm12/profile.ts';
import { scorm2004Runtime } from '../scorm2004/profile.ts';
import { cmi5Runtime } from '../cmi5/profile.ts';
import type { RuntimeProfile } from './runtime-profile.ts';

/**
 * Every LMS protocol the course speaks, in the order an `auto` launch (local preview) tries them: cmi5 first (its
 * launch URL is unambiguous and checked at once), then 2004, as it reports more than 1.2. A package's launch page
 * names one version; the others are never looked for.
 */
export const runtimeProfiles: readonly RuntimeProfile[] = [cmi5Runtime, scorm2004Runtime, scorm12Runtime];

/** Which LMS a launch page looks for: one version, or `auto` (every profile, in order). */
export type WantedVersion = RuntimeProfile['version'] | 'auto';

export function profilesFor(wanted: WantedVersion): readonly RuntimeProfile[] {
  return runtimeProfiles.filter((profile) => wanted === 'auto' || profile.version === wanted);
}
