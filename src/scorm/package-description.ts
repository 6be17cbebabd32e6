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
  /** One sentence for the LMS catalogue (cmi5 course/AU description); the SCORM manifests have no place for it. */
  description?: string;
  /**
   * `course`: lessons and the certification exam; `refresher`: the exam alone. cmi5.xml chooses moveOn by it
   * (cmi5/manifest.ts); the SCORM manifests do not need it.
   */
  mode?: 'course' | 'refresher';
}

/**
 * What the packager needs to know of one SCORM version (or cmi5): each version folder exports one
 * (scorm12/package-profile.ts, scorm2004/package-profile.ts, cmi5/package-profile.ts) and src/scorm/package/ looks
 * them up by the package kind in course.config.yaml.
 */
export interface PackageProfile {
  /** The name in course.config.yaml › packages and in the zip's file name. */
  readonly kind: 'scorm12' | 'scorm2004' | 'cmi5';
  /** Written into the launch page's `<meta name="scorm-version">` (see runtime/profiles.ts). */
  readonly runtimeVersion: '1.2' | '2004' | 'cmi5';
  /** The manifest's name at the zip root: `imsmanifest.xml` (SCORM CAM), `cmi5.xml` (cmi5 spec 14.1.1). */
  readonly manifestFile: string;
  buildManifest(course: PackageDescription): string;
  /** The official schema files that sit beside the manifest, vendored in `schemaDir` (see src/scorm/SCHEMAS.md). */
  readonly schemaFiles: readonly string[];
  /** Vendored schema files used only to validate the manifest in the tests, not shipped (cmi5 ships none). */
  readonly validationOnlySchemaFiles?: readonly string[];
  /**
   * A namespace to rewrite in the vendored schemas before validating: [as vendored, as the manifest uses it]. The
   * cmi5 schema is vendored as published with its first-edition namespace; players expect the current one.
   */
  readonly schemaNamespaceSubstitution?: readonly [from: string, to: string];
  /** Folder of the vendored schema files, relative to the project root. */
  readonly schemaDir: string;
  /** Namespace → schema file of every namespace the manifest uses, for one-call validation (validate-manifest.ts). */
  readonly schemaImports: ReadonlyArray<readonly [namespace: string, file: string]>;
}
