// Writes the SCORM zips from the built site (dist/site) into dist/packages. `npm run package` builds first.
import path from 'node:path';
import { loadCourseConfig, projectRoot } from '../src/config/load-config.ts';
import { buildPackages } from '../src/scorm/package/build-packages.ts';

try {
  const config = loadCourseConfig();
  const built = buildPackages({
    projectRoot,
    siteDir: path.join(projectRoot, 'dist/site'),
    outDir: path.join(projectRoot, 'dist/packages'),
    config,
  });
  for (const pkg of built) {
    console.log(`${path.relative(projectRoot, pkg.file)}  ${(pkg.bytes / 1024).toFixed(1)} KB  ${pkg.entries} files`);
  }
} catch (error) {
  console.error(`\n打包失败 / packaging failed:\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
