import type { ErrorSink, LmsDriver } from '../driver.ts';
import { createLocalDriver } from '../local/driver.ts';
import { discoverApi } from './discovery.ts';
import { profilesFor, type WantedVersion } from './profiles.ts';

/** Finds the LMS API and returns its version's driver, or the standalone driver when there is none. */
export async function createDriver(
  win: Window,
  wanted: WantedVersion,
  localStorageKey: string,
  onError: ErrorSink,
): Promise<LmsDriver> {
  const found = await discoverApi(win, profilesFor(wanted));
  return found ? found.profile.createDriver(found.api, onError) : createLocalDriver(localStorageKey);
}
