import type { PackageProfile } from '../package-description.ts';
import { buildCmi5Manifest, cmi5Namespace, vendoredCmi5Namespace } from './manifest.ts';

/**
 * cmi5 packaging (spec 14): the zip holds cmi5.xml at its root and the AU's files; no schema file ships. The tests
 * validate cmi5.xml against the vendored CourseStructure.xsd, read with the current namespace (src/scorm/SCHEMAS.md).
 */
export const cmi5Package: PackageProfile = {
  kind: 'cmi5',
  runtimeVersion: 'cmi5',
  manifestFile: 'cmi5.xml',
  buildManifest: buildCmi5Manifest,
  schemaFiles: [],
  validationOnlySchemaFiles: ['CourseStructure.xsd'],
  schemaNamespaceSubstitution: [vendoredCmi5Namespace, cmi5Namespace],
  schemaDir: 'src/scorm/cmi5/schemas',
  schemaImports: [[cmi5Namespace, 'CourseStructure.xsd']],
};
