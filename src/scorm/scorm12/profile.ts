import type { ApiRuntimeProfile } from '../runtime/runtime-profile.ts';
import type { Scorm12Api } from './api.ts';

/** SCORM 1.2 at run time: the API object is `window.API` (RTE 3.3.6.1). */
export const scorm12Runtime: ApiRuntimeProfile = {
  version: '1.2',
  apiName: 'API',
  createDriver: async (api, onError) => (await import('./driver.ts')).createScorm12Driver(api as Scorm12Api, onError),
};
