// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import relativeUrls from './src/build/relative-urls.ts';

// A SCORM package is served by the LMS from a deep, unknown path, often without directory indexes,
// so every page is a file (`modules/01-appearance.html`, not `modules/01-appearance/`) and every URL
// is made relative after the build (see src/build/relative-urls.ts and docs/lms-behaviour.md).
export default defineConfig({
  outDir: './dist/site',
  trailingSlash: 'never',
  build: {
    format: 'file',
    assets: '_astro',
    // External files only: the Content-Security-Policy meta allows 'self' scripts and styles, no inline ones.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [mdx(), relativeUrls()],
});
