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
