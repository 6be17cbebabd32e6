import { zipSync, type Zippable } from 'fflate';

/**
 * Deterministic zip: entries sorted by path, one fixed timestamp, fixed compression level. The same input gives
 * the same bytes in any time zone (docs/lms-behaviour.md: deterministic zip), so a rebuilt package can be compared byte for byte.
 */
const fixedModificationTime = new Date(2000, 0, 1, 0, 0, 0);

export function assertAsciiPath(file: string): void {
  // Non-ASCII names fail to unzip on some LMSs (docs/lms-behaviour.md: LMS failure modes).
  if (!/^[\x21-\x7e]+$/.test(file) || file.startsWith('/') || file.split('/').includes('..')) {
    throw new Error(`Package file name must be ASCII without spaces or "..": ${JSON.stringify(file)}`);
  }
}

export function deterministicZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const file of [...entries.keys()].sort()) {
    assertAsciiPath(file);
    zippable[file] = [entries.get(file)!, { mtime: fixedModificationTime, level: 9 }];
  }
  return zipSync(zippable);
}
