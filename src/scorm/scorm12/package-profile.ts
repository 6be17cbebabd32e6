import type { PackageProfile } from '../package-description.ts';
import { buildScorm12Manifest, scorm12SchemaFiles } from './manifest.ts';

/**
 * SCORM 1.2 packaging. The metadata schema (imsmd_rootv1p2p1.xsd) ships but is not imported for validation: libxml2
 * rejects its content models as non-deterministic, and our manifests carry no LOM metadata.
 */
export const scorm12Package: PackageProfile = {
  kind: 'scorm12',
  runtimeVersion: '1.2',
  manifestFile: 'imsmanifest.xml',
  buildManifest: buildScorm12Manifest,
  schemaFiles: scorm12SchemaFiles,
  schemaDir: 'src/scorm/scorm12/schemas',
  schemaImports: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
};
