import { validateXML } from 'xmllint-wasm';
import type { PackageKind } from '../../config/schema.ts';

/**
 * Validates a manifest against the official SCORM schemas with libxml2 (xmllint-wasm, offline). A small wrapper
 * schema imports every namespace the manifest uses, so one call checks the whole document (GUIDE: manifest
 * validation). The 1.2 metadata schema (imsmd_rootv1p2p1.xsd) is not imported: libxml2 rejects its content models
 * as non-deterministic, and our manifests carry no LOM metadata. `schemas` maps file name → text of every XSD/DTD shipped for that version.
 */
const wrapperImports: Record<PackageKind, Array<[namespace: string, file: string]>> = {
  scorm12: [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
  ],
  scorm2004: [
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

export function wrapperSchema(kind: PackageKind): string {
  const imports = wrapperImports[kind]
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
  const result = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: manifest }],
    schema: [{ fileName: 'wrapper.xsd', contents: wrapperSchema(kind) }],
    preload: [...schemas].map(([fileName, contents]) => ({ fileName, contents })),
  });
  return {
    valid: result.valid,
    errors: result.errors.map((error) => error.rawMessage ?? String(error)),
  };
}
