/**
 * Where each objective lives in `cmi.objectives`. An LMS may already hold objectives when the SCO starts (a SCORM
 * 2004 LMS pre-fills the manifest's primary objective, RTE 4.2.17; Moodle 4.3 puts it at index 0), an objective's id
 * cannot be changed once set (2004 error 351), and new objectives must be appended at `_count` (1.2 RTE 3.4.2,
 * 2004 RTE 4.2.17). So the index is looked up by id, once per session, never assumed.
 */
export interface ObjectiveIndex {
  /** The index holding `id`, or -1 when the LMS does not hold it. */
  find(id: string): number;
  /** The index holding `id`, or the next free index (reserved for it) when it is new. */
  findOrAppend(id: string): { index: number; isNew: boolean };
}

export function createObjectiveIndex(readCount: () => number, readIdAt: (index: number) => string): ObjectiveIndex {
  let ids: string[] | undefined;
  const known = () => {
    if (!ids) {
      const count = readCount();
      ids = Array.from({ length: Number.isFinite(count) && count > 0 ? count : 0 }, (_, index) => readIdAt(index));
    }
    return ids;
  };
  return {
    find: (id) => known().indexOf(id),
    findOrAppend(id) {
      const all = known();
      const index = all.indexOf(id);
      if (index >= 0) return { index, isNew: false };
      all.push(id);
      return { index: all.length - 1, isNew: true };
    },
  };
}
