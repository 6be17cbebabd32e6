import type { PackageKind } from '../../config/schema.ts';

/**
 * Each LMS protocol's driver is imported on demand from its version folder (src/scorm/<kind>/profile.ts), and a
 * package's launch page names one protocol (build-packages.ts, markScormVersion), so it never loads the others.
 * The build names those chunks after their folder (`_astro/lms-scorm12.<hash>.js`) and each zip ships only its own.
 */

/** The version folder of a chunk's entry module, when it is one of src/scorm/'s folders; else undefined. */
export function scormFolderOf(facadeModuleId: string | null | undefined): string | undefined {
  return /[\\/]src[\\/]scorm[\\/]([a-z0-9]+)[\\/][^\\/]+\.ts$/.exec(facadeModuleId ?? '')?.[1];
}

/**
 * The client build's chunk file names: Astro's own (`_astro/<name>.<hash>.js`, unsafe characters as `_`, as in
 * astro/dist/core/build/util.js cleanChunkName), except an on-demand chunk of a src/scorm/ folder, `lms-<folder>`.
 */
export function chunkFileName(chunk: { name: string; facadeModuleId: string | null }): string {
  const folder = scormFolderOf(chunk.facadeModuleId);
  const name = folder ? `lms-${folder}` : chunk.name.replace(/[^\w.\-/]/g, '_');
  return `_astro/${name}.[hash].js`;
}

/** Whether `file` is the on-demand driver chunk of another protocol than `kind`'s (left out of `kind`'s zip). */
export function isOtherDriverChunk(file: string, kind: PackageKind, kinds: readonly PackageKind[]): boolean {
  const folder = /^_astro\/lms-([a-z0-9]+)\.[\w-]+\.js$/.exec(file)?.[1];
  return folder !== undefined && folder !== kind && (kinds as readonly string[]).includes(folder);
}
