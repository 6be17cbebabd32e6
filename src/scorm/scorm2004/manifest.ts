import { escapeXml } from '../xml.ts';
import type { PackageDescription } from '../package-description.ts';

/** Schema files that sit beside a SCORM 2004 4th edition manifest (CAM 3.2). */
export const scorm2004SchemaFiles = [
  'adlcp_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'datatypes.dtd',
  'imscp_v1p1.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
  'XMLSchema.dtd',
] as const;

/**
 * The primary objective's id (SN 5.1.6). An LMS may pre-fill it at the start of cmi.objectives; the 2004 driver
 * finds it there by this id and mirrors only the final result into it.
 */
export const primaryObjectiveId = 'course-pass';

/**
 * One organization, one item, one SCO (CAM 3.4). When the course decides pass/fail, the primary objective is
 * satisfied by measure at the same pass mark (SN 5.1.6 minNormalizedMeasure), so LMS and course agree.
 */
export function buildScorm2004Manifest(course: PackageDescription): string {
  const files = [...course.files].sort().map((file) => `      <file href="${escapeXml(file)}"/>`);
  const sequencing =
    course.masteryScore === undefined
      ? ''
      : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${primaryObjectiveId}" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${(course.masteryScore / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(course.identifier)}" version="${escapeXml(course.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org-course">
    <organization identifier="org-course">
      <title>${escapeXml(course.title)}</title>
      <item identifier="item-course" identifierref="res-course" isvisible="true">
        <title>${escapeXml(course.title)}</title>${sequencing}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-course" type="webcontent" adlcp:scormType="sco" href="${escapeXml(course.launch)}">
${files.join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
