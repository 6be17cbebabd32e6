import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { listFiles } from '../../util/files.ts';
import path from 'node:path';
import type { CourseConfig, PackageKind } from '../../config/schema.ts';
import { courseIdentity, type CourseMode } from '../../config/identity.ts';
import type { PackageDescription } from '../package-description.ts';
import { packageName, packageProfiles } from './package-profiles.ts';
import { assertAsciiPath, deterministicZip } from './zip.ts';
import { loadedFiles } from './package-files.ts';
import { isOtherDriverChunk } from './driver-chunks.ts';



/** Tells the launch page which LMS to look for: `<meta name="scorm-version" content="auto">` → 1.2 / 2004 / cmi5. */
export function markScormVersion(launchHtml: string, kind: PackageKind, launch = 'index.html'): string {
  const marked = launchHtml.replace(
    /<meta name="scorm-version" content="auto">/,
    `<meta name="scorm-version" content="${packageProfiles[kind].runtimeVersion}">`,
  );
  if (marked === launchHtml) throw new Error(`${launch} has no <meta name="scorm-version" content="auto"> to mark`);
  return marked;
}

/** The launch file of each course, and the pages only the other course needs. */
const launchFiles: Record<CourseMode, string> = { course: 'index.html', refresher: 'refresher.html' };
const refresherOnly = /^(refresher\.html|refresher-home\.html)$/;
const courseOnly = /^(index\.html|home\.html|glossary\.html|practice\.html|modules\/.*|roleplays\/.*)$/;

/** The pages of a package: every built page except those only the other course needs. */
export function pagesFor(mode: CourseMode, siteFiles: readonly string[]): string[] {
  const excluded = mode === 'course' ? refresherOnly : courseOnly;
  return siteFiles.filter((file) => file.endsWith('.html') && !excluded.test(file));
}

/** A package's files: its pages and exactly what they load (package-files.ts), with only its own LMS driver. */
export function filesFor(mode: CourseMode, kind: PackageKind, siteFiles: readonly string[], siteDir: string): string[] {
  const kinds = Object.keys(packageProfiles) as PackageKind[];
  return loadedFiles(
    pagesFor(mode, siteFiles),
    new Set(siteFiles),
    (file) => readFileSync(path.join(siteDir, file), 'utf8'),
    (file) => isOtherDriverChunk(file, kind, kinds),
  );
}

export interface BuiltPackage {
  mode: CourseMode;
  kind: PackageKind;
  file: string;
  bytes: number;
  entries: number;
}

export interface PackageOptions {
  projectRoot: string;
  siteDir: string;
  outDir: string;
  config: CourseConfig;
}

export function manifestFor(kind: PackageKind, description: PackageDescription): string {
  return packageProfiles[kind].buildManifest(description);
}

export function schemaFilesFor(kind: PackageKind): readonly string[] {
  return packageProfiles[kind].schemaFiles;
}

export function readSchemaFile(projectRoot: string, kind: PackageKind, file: string): Uint8Array {
  return readFileSync(path.join(projectRoot, packageProfiles[kind].schemaDir, file));
}

export function buildPackages({ projectRoot, siteDir, outDir, config }: PackageOptions): BuiltPackage[] {
  if (!existsSync(path.join(siteDir, 'index.html'))) {
    throw new Error(`${siteDir}/index.html is missing: run the Astro build first (npm run package does both).`);
  }
  const siteFiles = listFiles(siteDir);
  siteFiles.forEach(assertAsciiPath);
  mkdirSync(outDir, { recursive: true });
  const builds = (['course', 'refresher'] as const).flatMap((mode) => config.packages[mode].map((kind) => ({ mode, kind })));
  return builds.map(({ mode, kind }) => {
    const launch = launchFiles[mode];
    const files = filesFor(mode, kind, siteFiles, siteDir);
    const entries = new Map<string, Uint8Array>();
    for (const file of files) {
      const bytes = readFileSync(path.join(siteDir, file));
      entries.set(file, file === launch ? Buffer.from(markScormVersion(bytes.toString('utf8'), kind, launch)) : bytes);
    }
    const { identifier, title } = courseIdentity(config, mode);
    const profile = packageProfiles[kind];
    const description: PackageDescription = {
      identifier,
      title,
      version: config.course.version,
      launch,
      files,
      // The course reports pass/fail only for a final outcome, and then with the score (see src/stores/lms-sync.ts),
      // so an LMS applying this mastery score reaches the same decision.
      masteryScore: config.exam.passMark,
      description:
        mode === 'course' ? config.course.purpose : `${title}：检验对${config.course.title}内容的掌握情况，通过考试即完成本年度复训。`,
      mode,
    };
    entries.set(profile.manifestFile, Buffer.from(manifestFor(kind, description)));
    for (const schema of schemaFilesFor(kind)) entries.set(schema, readSchemaFile(projectRoot, kind, schema));
    const zip = deterministicZip(entries);
    const file = path.join(outDir, `${packageName(config, mode, kind)}.zip`);
    writeFileSync(file, zip);
    return { mode, kind, file, bytes: zip.byteLength, entries: entries.size };
  });
}
