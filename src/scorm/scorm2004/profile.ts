import type { ApiRuntimeProfile } from '../runtime/runtime-profile.ts';
import type { Scorm2004Api } from './api.ts';

/** SCORM 2004 at run time: the API object is `window.API_1484_11` (RTE 3.3.5). */
export const scorm2004Runtime: ApiRuntimeProfile = {
  version: '2004',
  apiName: 'API_1484_11',
  createDriver: async (api, onError) => (await import('./driver.ts')).createScorm2004Driver(api as Scorm2004Api, onError),
};
