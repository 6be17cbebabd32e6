import type { ErrorSink, LmsDriver } from '../driver.ts';
import { createLocalDriver } from '../local/driver.ts';
import { discoverApi } from './discovery.ts';
import { profilesFor, type WantedVersion } from './profiles.ts';
import type { ApiRuntimeProfile } from './runtime-profile.ts';

/**
 * Finds the LMS and returns its version's driver, or the standalone driver when there is none. Profiles found by
 * their launch URL (cmi5) are asked first; then the RTE's API discovery searches the windows for the others.
 */
export async function createDriver(
  win: Window,
  wanted: WantedVersion,
  localStorageKey: string,
  onError: ErrorSink,
): Promise<LmsDriver> {
  const profiles = profilesFor(wanted);
  for (const profile of profiles) {
    if (profile.apiName !== undefined) continue;
    const connected = await profile.connect(win, onError);
    if (typeof connected === 'object') return connected;
    if (connected !== undefined) return createLocalDriver(localStorageKey, undefined, connected);
  }
  const apiProfiles = profiles.filter((profile): profile is ApiRuntimeProfile => profile.apiName !== undefined);
  const found = apiProfiles.length > 0 ? await discoverApi(win, apiProfiles) : undefined;
  return found ? await found.profile.createDriver(found.api, onError) : createLocalDriver(localStorageKey);
}
