/**
 * The learner's place comes back from the LMS (cmi.core.lesson_location / cmi.location) and ends up in an `href`
 * and a frame `src`. An LMS string is not trusted: only a page of this course, with an optional plain fragment, is
 * kept (not `javascript:…`, `//host`, `../x` or anything the course did not build).
 */
export function resumablePage(location: string, coursePages: readonly string[]): string {
  const hash = location.indexOf('#');
  const page = hash === -1 ? location : location.slice(0, hash);
  const fragment = hash === -1 ? '' : location.slice(hash + 1);
  if (!coursePages.includes(page)) return '';
  return /^[A-Za-z0-9_-]{1,64}$/.test(fragment) ? `${page}#${fragment}` : page;
}
