// Writes the SCORM zips (course and annual refresher, per configured SCORM version) and the HR item map from the
// built site (dist/site) into dist/packages. `npm run package` runs the Astro build first.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCourseConfig, projectRoot } from '../src/config/load-config.ts';
import { buildPackages } from '../src/scorm/package/build-packages.ts';
import { loadBank } from '../src/quizzes/load-bank.ts';
import { rules, sections } from '../src/rules/index.ts';
import { buildItemMap } from '../src/exam/item-map.ts';

try {
  const config = loadCourseConfig();
  const outDir = path.join(projectRoot, 'dist/packages');
  // Only what this configuration builds: zips of another identifier or edition would be uploaded by mistake.
  rmSync(outDir, { recursive: true, force: true });
  const built = buildPackages({ projectRoot, siteDir: path.join(projectRoot, 'dist/site'), outDir, config });
  for (const pkg of built) {
    console.log(`${path.relative(projectRoot, pkg.file)}  ${(pkg.bytes / 1024).toFixed(1)} KB  ${pkg.entries} files`);
  }
  const bank = loadBank(path.join(projectRoot, 'src/quizzes/bank'), new Set(rules.map((rule) => rule.id)));
  const titles = Object.fromEntries(sections.map((section) => [section.module, section.title]));
  const itemMap = path.join(outDir, `${config.course.identifier}-item-map.csv`);
  writeFileSync(itemMap, buildItemMap(bank.items, titles));
  console.log(`${path.relative(projectRoot, itemMap)}  item map for HR`);
} catch (error) {
  console.error(`\n打包失败 / packaging failed:\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
