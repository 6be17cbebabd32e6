import { validateXML } from 'xmllint-wasm';
import type { PackageKind } from '../../config/schema.ts';
import { packageProfiles } from './package-profiles.ts';

/**
 * Validates a manifest against the official SCORM schemas with libxml2 (xmllint-wasm, offline). A small wrapper
 * schema imports every namespace the manifest uses, so one call checks the whole document (docs/lms-behaviour.md: manifest
 * validation); which namespaces, per version, is in each version's package profile. `schemas` maps file name → text of every XSD/DTD shipped for that version
 * (cmi5: the vendored CourseStructure.xsd, which is not shipped).
 */
export function wrapperSchema(kind: PackageKind): string {
  const imports = packageProfiles[kind].schemaImports
    .map(([namespace, file]) => `  <xs:import namespace="${namespace}" schemaLocation="${file}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:course:manifest-wrapper" elementFormDefault="qualified">
${imports}
</xs:schema>
`;
}

export interface ManifestValidation {
  valid: boolean;
  errors: string[];
}

export async function validateManifest(
  kind: PackageKind,
  manifest: string,
  schemas: ReadonlyMap<string, string>,
): Promise<ManifestValidation> {
  const profile = packageProfiles[kind];
  // The cmi5 schema is vendored in its first-edition namespace and read in the current one (src/scorm/SCHEMAS.md).
  const substitute = (text: string) =>
    profile.schemaNamespaceSubstitution ? text.split(profile.schemaNamespaceSubstitution[0]).join(profile.schemaNamespaceSubstitution[1]) : text;
  const result = await validateXML({
    xml: [{ fileName: profile.manifestFile, contents: manifest }],
    schema: [{ fileName: 'wrapper.xsd', contents: wrapperSchema(kind) }],
    preload: [...schemas].map(([fileName, contents]) => ({ fileName, contents: substitute(contents) })),
  });
  return {
    valid: result.valid,
    errors: result.errors.map((error) => error.rawMessage ?? String(error)),
  };
}
