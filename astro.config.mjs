// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import relativeUrls from './src/build/relative-urls.ts';
import inlineLaunchStyles from './src/build/inline-styles.ts';
import { chunkFileName } from './src/scorm/package/driver-chunks.ts';

// A SCORM package is served by the LMS from a deep, unknown path, often without directory indexes,
// so every page is a file (`modules/01-appearance.html`, not `modules/01-appearance/`) and every URL
// is made relative after the build (see src/build/relative-urls.ts and docs/lms-behaviour.md).
export default defineConfig({
  outDir: './dist/site',
  trailingSlash: 'never',
  build: {
    format: 'file',
    assets: '_astro',
    // External files by default (cacheable across pages). The launch path's pages get theirs inlined, with hashes in
    // their CSP, by src/build/inline-styles.ts; Astro's own inlining would need 'unsafe-inline' or inline every page.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      assetsInlineLimit: 0,
    },
    // On-demand chunks (src/scorm/*/profile.ts import their driver on demand) are preloaded by Vite's helper with
    // the URLs written here: relative to the importing chunk, never root-absolute, which would 404 under the LMS's
    // deep path (docs/lms-behaviour.md: relative URLs).
    experimental: { renderBuiltUrl: (_file, { hostType }) => (hostType === 'js' ? { relative: true } : undefined) },
    // Each protocol's driver chunk is named after its folder (lms-scorm12, lms-scorm2004, lms-cmi5), so each zip
    // ships only the driver its launch page loads (src/scorm/package/driver-chunks.ts).
    environments: { client: { build: { rolldownOptions: { output: { chunkFileNames: chunkFileName } } } } },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  // Order matters: the later steps read the relative URLs the first one writes.
  integrations: [mdx(), relativeUrls(), inlineLaunchStyles()],
});
