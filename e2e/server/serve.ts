// A small static server that serves the built SCORM packages the way an LMS does: from a deep path, straight out
// of the zips, with no directory indexes and no `/x` → `/x.html` guessing (docs/lms-behaviour.md: static server for tests).
// It also serves the LMS harness (scorm-again in the parent frame). Used by Playwright and by `npm start`.
import { createServer, type ServerResponse } from 'node:http';
import { readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { unzipSync } from 'fflate';
import { loadCourseConfig } from '../../src/config/load-config.ts';
import { packageName } from '../../src/scorm/package/package-profiles.ts';

const projectRoot = process.cwd();
const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] || process.env.PORT || 4321);
const open = args.includes('--open');

import { contentPrefix } from '../support/packages.ts';
import { Cmi5Lms } from '../cmi5-lms/lms.ts';
import { serveCmi5 } from '../cmi5-lms/http.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.dtd': 'application/xml-dtd; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
};

const zipCache = new Map<string, { mtimeMs: number; files: Record<string, Uint8Array> }>();

function packageFiles(name: string): Record<string, Uint8Array> | undefined {
  const zipPath = path.join(projectRoot, 'dist/packages', `${name}.zip`);
  if (!/^[a-z0-9-]+$/.test(name) || !existsSync(zipPath)) return undefined;
  const { mtimeMs } = statSync(zipPath);
  const cached = zipCache.get(name);
  if (cached && cached.mtimeMs === mtimeMs) return cached.files;
  const files = unzipSync(readFileSync(zipPath));
  zipCache.set(name, { mtimeMs, files });
  return files;
}

function send(
  response: ServerResponse,
  status: number,
  body: Uint8Array | string,
  type = 'text/plain; charset=utf-8',
  cache = 'no-store',
) {
  response.writeHead(status, { 'content-type': type, 'cache-control': cache });
  response.end(body);
}

function sendFile(response: ServerResponse, file: string, bytes: Uint8Array, cache = 'no-store') {
  send(response, 200, bytes, contentTypes[path.extname(file)] ?? 'application/octet-stream', cache);
}

/**
 * Package files are cacheable, as an LMS's content store serves them (Moodle's pluginfile sends cache headers), so
 * a file the shell and its page share is fetched once. HTML stays revalidated; the exam's key file is fetched with
 * `cache: 'no-store'` by the page itself.
 */
const packageCache = (file: string) => (file.endsWith('.html') ? 'no-cache' : 'public, max-age=600');

function fromDisk(base: string, relative: string): Uint8Array | undefined {
  const full = path.join(base, relative);
  if (!full.startsWith(base + path.sep) || !existsSync(full) || !statSync(full).isFile()) return undefined;
  return readFileSync(full);
}

const harnessDir = path.join(projectRoot, 'e2e/harness');

/** The cmi5 test LMS + LRS (e2e/cmi5-lms/), on the same origin as the packages, as an LMS player hosts both. */
const cmi5Mount = '/cmi5';
const cmi5 = new Cmi5Lms({ loadPackage: packageFiles, contentPrefix, mount: cmi5Mount });
const vendorDir = path.join(projectRoot, 'node_modules/scorm-again/dist');

export const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const pathname = decodeURIComponent(url.pathname);
  if (pathname === '/') {
    response.writeHead(302, { location: '/lms/lms.html' });
    response.end();
    return;
  }
  if (pathname === '/lms/course.js') {
    // The harness names packages from the configuration HR edits, read at request time (never hard-coded).
    const config = loadCourseConfig();
    const course = {
      identifier: config.course.identifier,
      edition: config.edition,
      packages: {
        '1.2': packageName(config, 'course', 'scorm12'),
        '2004': packageName(config, 'course', 'scorm2004'),
        'refresher-1.2': packageName(config, 'refresher', 'scorm12'),
        'refresher-2004': packageName(config, 'refresher', 'scorm2004'),
        ...(config.packages.course.includes('cmi5') ? { cmi5: packageName(config, 'course', 'cmi5') } : {}),
        ...(config.packages.refresher.includes('cmi5') ? { 'refresher-cmi5': packageName(config, 'refresher', 'cmi5') } : {}),
      },
    };
    return send(response, 200, `window.courseConfig = ${JSON.stringify(course)};\n`, contentTypes['.js']);
  }
  if (pathname.startsWith(`${cmi5Mount}/`)) {
    serveCmi5(cmi5, cmi5Mount, request, response).catch((error: unknown) => send(response, 500, String(error)));
    return;
  }
  if (pathname.startsWith('/lms/')) {
    const bytes = fromDisk(harnessDir, pathname.slice('/lms/'.length));
    return bytes ? sendFile(response, pathname, bytes) : send(response, 404, 'not found');
  }
  if (pathname.startsWith('/vendor/scorm-again/')) {
    const file = pathname.slice('/vendor/scorm-again/'.length);
    const bytes = /^[a-z0-9-]+\.min\.js$/.test(file) ? fromDisk(vendorDir, file) : undefined;
    return bytes ? sendFile(response, file, bytes) : send(response, 404, 'not found');
  }
  if (pathname.startsWith(contentPrefix)) {
    const [name = '', ...rest] = pathname.slice(contentPrefix.length).split('/');
    const file = rest.join('/');
    const files = packageFiles(name);
    // No directory index, no extension guessing: exactly what many LMS content stores do.
    const bytes = files && file && !file.endsWith('/') ? files[file] : undefined;
    return bytes ? sendFile(response, file, bytes, packageCache(file)) : send(response, 404, 'not found');
  }
  send(response, 404, 'not found');
});

server.listen(port, '127.0.0.1', () => {
  const address = `http://127.0.0.1:${port}/lms/lms.html`;
  console.log(`Preview LMS: ${address}`);
  if (open) {
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'start' : 'xdg-open';
    try {
      spawn(opener, [address], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
    } catch {
      // No desktop to open a browser in: the address above is enough.
    }
  }
});
