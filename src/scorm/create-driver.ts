import type { ErrorSink, LmsDriver } from './driver.ts';
import { discoverApi, type WantedVersion } from './discovery.ts';
import { createScorm12Driver } from './scorm12/driver.ts';
import { createScorm2004Driver } from './scorm2004/driver.ts';
import { createLocalDriver } from './local/driver.ts';

/** Finds the LMS API and returns the matching driver, or the standalone driver when there is none. */
export async function createDriver(
  win: Window,
  wanted: WantedVersion,
  localStorageKey: string,
  onError: ErrorSink,
): Promise<LmsDriver> {
  const found = await discoverApi(win, wanted);
  if (!found) return createLocalDriver(localStorageKey);
  return found.version === '1.2' ? createScorm12Driver(found.api, onError) : createScorm2004Driver(found.api, onError);
}
