import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes the report's files so that nothing is ever half-written: every file goes into a fresh temporary directory
 * beside the output directory first, and only when all of them are on disk are they renamed into place (a rename on
 * one file system is atomic). A failure before that leaves the output directory as it was.
 */
export function writeAtomically(outDir: string, files: Readonly<Record<string, string>>): string[] {
  const target = path.resolve(outDir);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = mkdtempSync(path.join(path.dirname(target), `.${path.basename(target)}.tmp-`));
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(temp, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    mkdirSync(target, { recursive: true });
    const written: string[] = [];
    for (const name of Object.keys(files)) {
      const destination = path.join(target, name);
      mkdirSync(path.dirname(destination), { recursive: true });
      renameSync(path.join(temp, name), destination);
      written.push(destination);
    }
    return written;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
