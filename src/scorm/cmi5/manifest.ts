import { escapeXml } from '../xml.ts';
import type { PackageDescription } from '../package-description.ts';

/** The namespace of cmi5.xml as the current (Quartz) cmi5 edition publishes it, which players expect (spec 13.1). */
export const cmi5Namespace = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
/** The first-edition namespace of the vendored CourseStructure.xsd (see src/scorm/SCHEMAS.md). */
export const vendoredCmi5Namespace = 'http://aicc.org/CMI5/CourseStructure.xsd';

/**
 * The IRIs of the course structure (cmi5 3.0.0.0-1: fully qualified). One scheme, from the package identifier
 * (course.config.yaml › course.identifier; the refresher's carries its edition, `…-refresher-2027`):
 *   course `https://course.invalid/<identifier>`, block `…/block`, AU `…/au`.
 * `.invalid` (RFC 2606) never resolves, so the ids cannot be mistaken for addresses; they stay the same across
 * content versions, like the SCORM manifest identifier, so republishing does not start learners over, and each
 * year's refresher is a new course, as in SCORM.
 */
export function cmi5Iris(identifier: string): { course: string; block: string; au: string } {
  const course = `https://course.invalid/${encodeURIComponent(identifier)}`;
  return { course, block: `${course}/block`, au: `${course}/au` };
}

const text = (value: string) => `<langstring lang="zh-CN">${escapeXml(value)}</langstring>`;

/**
 * cmi5.xml (spec 13, 14): one course, one block, one AU, the launch page by relative url. The vendored schema edition
 * requires the block; a block with one AU changes nothing for moveOn. moveOn:
 * - the course: CompletedAndPassed — the learner must both work through the seven modules (completed) and pass
 *   the certification exam (passed);
 * - the refresher: Passed — it has no lessons, passing the exam is the whole point; its `completed` (sent when an
 *   attempt is submitted) does not satisfy it.
 * masteryScore = the configured pass mark / 100; the AU follows the LMS's value if the LMS changes it (10.2.3).
 * launchMethod AnyWindow: the course runs in a frame, the same window or a new one alike.
 */
export function buildCmi5Manifest(course: PackageDescription): string {
  const ids = cmi5Iris(course.identifier);
  const description = course.description ?? course.title;
  const moveOn = course.mode === 'refresher' ? 'Passed' : 'CompletedAndPassed';
  const mastery = course.masteryScore === undefined ? '' : ` masteryScore="${Math.round(course.masteryScore * 100) / 10000}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${cmi5Namespace}">
  <course id="${escapeXml(ids.course)}">
    <title>${text(course.title)}</title>
    <description>${text(description)}</description>
  </course>
  <block id="${escapeXml(ids.block)}">
    <title>${text(course.title)}</title>
    <description>${text(description)}</description>
    <au id="${escapeXml(ids.au)}" moveOn="${moveOn}"${mastery} launchMethod="AnyWindow">
      <title>${text(course.title)}</title>
      <description>${text(description)}</description>
      <url>${escapeXml(course.launch)}</url>
    </au>
  </block>
</courseStructure>
`;
}
