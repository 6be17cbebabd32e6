import { scorm12Runtime } from '../scorm12/profile.ts';
import { scorm2004Runtime } from '../scorm2004/profile.ts';
import type { RuntimeProfile } from './runtime-profile.ts';

/**
 * Every SCORM version the course speaks, in the order an `auto` launch (local preview) tries them: 2004 first, as
 * it reports more. A package's launch page names one version; the other is never looked for.
 */
export const runtimeProfiles: readonly RuntimeProfile[] = [scorm2004Runtime, scorm12Runtime];

/** Which API a launch page looks for: one version, or `auto` (every profile, in order). */
export type WantedVersion = RuntimeProfile['version'] | 'auto';

export function profilesFor(wanted: WantedVersion): readonly RuntimeProfile[] {
  return runtimeProfiles.filter((profile) => wanted === 'auto' || profile.version === wanted);
}
