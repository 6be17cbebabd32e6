/** What a manifest is generated from: one course description plus the package's file list. */
export interface PackageDescription {
  /** Manifest identifier (ASCII). */
  identifier: string;
  title: string;
  version: string;
  /** Launch file, relative to the package root. */
  launch: string;
  /** Every file of the package except the manifest and the schema files, sorted, `/`-separated. */
  files: string[];
  /**
   * Pass mark 0–100 the course itself applies, when it decides pass/fail. The manifest states it only in the
   * form that agrees with the course's own decision (1.2 masteryscore, 2004 minNormalizedMeasure).
   */
  masteryScore?: number;
}

/**
 * What the packager needs to know of one SCORM version: each version folder exports one (scorm12/package-profile.ts,
 * scorm2004/package-profile.ts) and src/scorm/package/ looks them up by the package kind in course.config.yaml.
 */
export interface PackageProfile {
  /** The name in course.config.yaml › packages and in the zip's file name. */
  readonly kind: 'scorm12' | 'scorm2004';
  /** Written into the launch page's `<meta name="scorm-version">` (see runtime/profiles.ts). */
  readonly runtimeVersion: '1.2' | '2004';
  buildManifest(course: PackageDescription): string;
  /** The official schema files that sit beside the manifest, vendored in `schemaDir` (see src/scorm/SCHEMAS.md). */
  readonly schemaFiles: readonly string[];
  /** Folder of the vendored schema files, relative to the project root. */
  readonly schemaDir: string;
  /** Namespace → schema file of every namespace the manifest uses, for one-call validation (validate-manifest.ts). */
  readonly schemaImports: ReadonlyArray<readonly [namespace: string, file: string]>;
}
