/**
 * The one hash of the project: FNV-1a, 32 bits, over UTF-16 code units. Stable on every engine and run, short, and
 * spread well enough to tell courses, content versions and seeds apart. Not cryptographic, and never used as if.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}

/** `fnv1a32` in base 36: a short ASCII tag for suspend_data (course tag, content hash). */
export function shortHash(text: string): string {
  return fnv1a32(text).toString(36);
}
