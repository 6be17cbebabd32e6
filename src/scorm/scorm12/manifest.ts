import { escapeXml } from '../xml.ts';
import type { PackageDescription } from '../package-description.ts';

/** Schema files that sit beside a SCORM 1.2 manifest (SCORM 1.2 CAM 2.3.2, "ADL SCORM 1.2 package"). */
export const scorm12SchemaFiles = [
  'adlcp_rootv1p2.xsd',
  'imscp_rootv1p1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
  'ims_xml.xsd',
] as const;

/** One organization, one item, one SCO resource listing every file (SCORM 1.2 CAM 2.3). */
export function buildScorm12Manifest(course: PackageDescription): string {
  const files = [...course.files].sort().map((file) => `      <file href="${escapeXml(file)}"/>`);
  const mastery =
    course.masteryScore === undefined ? '' : `\n        <adlcp:masteryscore>${course.masteryScore}</adlcp:masteryscore>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(course.identifier)}" version="${escapeXml(course.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-course">
    <organization identifier="org-course">
      <title>${escapeXml(course.title)}</title>
      <item identifier="item-course" identifierref="res-course" isvisible="true">
        <title>${escapeXml(course.title)}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-course" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(course.launch)}">
${files.join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
