// Checks a printed certificate: `npm run certificate -- <证书编号> <学员编号> <通过日期 yyyymmdd> [年度]`.
// The number is derived from learner id + course identifier + edition + date (src/exam/certificate.ts), so the
// LMS record (learner id, date of the passing attempt) is enough to confirm or reject it.
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
  console.log(`✓ 证书有效：${match.title}（${edition} 年度），学员 ${learnerId}，通过日期 ${date}`);
} else {
  console.log(`✗ 证书编号不符。按这些信息应为：${candidates.map(({ identifier }) => certificateNumber(learnerId, identifier, edition, date)).join(' 或 ')}`);
  process.exit(1);
}
