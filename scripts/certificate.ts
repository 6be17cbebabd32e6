// Checks that a certificate number fits its details: `npm run certificate -- <证书编号> <学员编号> <通过日期 yyyymmdd> [年度]`.
// The number is derived from public inputs (learner id + course identifier + edition + date, src/exam/certificate.ts):
// a match says the number was not mistyped or made up carelessly — not that the learner passed. Only the LMS record
// (the learner's passed status and the date of the passing attempt) proves that, so the messages say so.
import { loadCourseConfig } from '../src/config/load-config.ts';
import { courseIdentity } from '../src/config/identity.ts';
import { certificateNumber, verifyCertificate } from '../src/exam/certificate.ts';

const [number, learnerId, date, editionText] = process.argv.slice(2);
if (!number || !learnerId || !date || !/^\d{8}$/.test(date)) {
  console.error('用法: npm run certificate -- <证书编号> <学员编号> <通过日期 yyyymmdd> [年度]');
  process.exit(2);
}
const config = loadCourseConfig();
const edition = editionText ? Number(editionText) : config.edition;
const candidates = (['course', 'refresher'] as const).map((mode) => courseIdentity({ ...config, edition }, mode));
const match = candidates.find(({ identifier }) => verifyCertificate(number, learnerId, identifier, edition, date));
if (match) {
  console.log(`✓ 证书编号与信息一致：${match.title}（${edition} 年度），学员 ${learnerId}，日期 ${date}。`);
  console.log('  注意：编号只由公开信息算出，不能证明考试通过；请以学习平台中该学员的“通过”记录和通过日期为准。');
} else {
  console.log(`✗ 证书编号与信息不一致。按这些信息应为：${candidates.map(({ identifier }) => certificateNumber(learnerId, identifier, edition, date)).join(' 或 ')}`);
  process.exit(1);
}
