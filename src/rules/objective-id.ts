/** The SCORM objective id of a module: `m03-telephone` (ASCII, stable; HR's reports show it). A leaf module, so the
 * exam page can name objectives without shipping the list of sections. */
export function objectiveIdOf(module: string): string {
  return `m${module}`;
}
