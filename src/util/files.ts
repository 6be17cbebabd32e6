import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file below `dir` (recursively), as sorted `/`-separated paths relative to `dir`; dot-files left out. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')))
    .sort();
}
