import type { RuntimeProfile } from '../runtime/runtime-profile.ts';

/** Any of the cmi5 launch parameters (spec 8.1) in the query: only then is the cmi5 code loaded. */
const cmi5Query = /[?&](endpoint|fetch|actor|registration|activityId)=/;

/**
 * cmi5 at run time: there is no API object to discover; the LMS launches the AU with query parameters (spec 8.1).
 * The AU code is imported only for such a launch, so the SCORM packages' launch page does not grow.
 */
export const cmi5Runtime: RuntimeProfile = {
  version: 'cmi5',
  async connect(win, onError) {
    if (!cmi5Query.test(win.location.search)) return undefined;
    const { connectCmi5 } = await import('./connect.ts');
    const connection = await connectCmi5(win, onError);
    return connection.kind === 'none' ? undefined : connection.kind === 'driver' ? connection.driver : connection.problem;
  },
};
