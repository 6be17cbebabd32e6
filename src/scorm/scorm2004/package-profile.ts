import type { PackageProfile } from '../package-description.ts';
import { buildScorm2004Manifest, scorm2004SchemaFiles } from './manifest.ts';

/** SCORM 2004 4th edition packaging (CAM 3.2). */
export const scorm2004Package: PackageProfile = {
  kind: 'scorm2004',
  runtimeVersion: '2004',
  manifestFile: 'imsmanifest.xml',
  buildManifest: buildScorm2004Manifest,
  schemaFiles: scorm2004SchemaFiles,
  schemaDir: 'src/scorm/scorm2004/schemas',
  schemaImports: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};
