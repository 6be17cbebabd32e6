import { atom } from 'nanostores';
import { unwrap, wrap, type PageToShell, type ShellSnapshot, type ShellToPage } from './messages.ts';

/**
 * The page side of the shell bridge. A page opened on its own (astro dev, a direct link) has no shell:
 * `$shell` stays null and messages go nowhere, so every page also works without tracking.
 */
export const $shell = atom<ShellSnapshot | null>(null);

/**
 * The course shell framing this page, known synchronously: the shell's HTML carries
 * `<meta name="course-shell">` (src/shell/ShellPage.astro), which exists before this frame starts loading. Any
 * other parent — an LMS frame, cross-origin or not — is not the shell.
 */
function shellWindow(): Window | null {
  try {
    const parent = window.parent;
    return parent !== window && parent.document.querySelector('meta[name="course-shell"]') ? parent : null;
  } catch {
    return null; // Cross-origin parent (an LMS frame): not our shell.
  }
}

/** Whether the course shell frames this page (decided at once, no waiting for a message). */
export function inShell(): boolean {
  return shellWindow() !== null;
}

/**
 * Delivers a message to the shell before this returns. A postMessage would be a queued task, and Chromium runs input
 * events ahead of queued tasks: on a loaded machine a click on 保存并退出, or the window closing, was handled before
 * the exam's `exam-submitted` and the final result never reached the LMS (e2e/faults.spec.ts "right after submit").
 * The shell is same-origin (shellWindow checks its document), so the same MessageEvent, with the origin and source
 * a posted one would carry, is dispatched on it synchronously; the shell's one listener handles both.
 */
export function sendToShell(message: PageToShell): void {
  const shell = shellWindow() as (Window & typeof globalThis) | null;
  if (!shell) return;
  shell.dispatchEvent(new shell.MessageEvent('message', { data: wrap(message), origin: window.location.origin, source: window }));
}

let listening = false;

/** Starts listening for snapshots and announces this page; call once per page. */
export function connectToShell(): void {
  if (!listening) {
    listening = true;
    window.addEventListener('message', (event) => {
      if (event.origin !== window.location.origin || event.source !== shellWindow()) return;
      const message = unwrap<ShellToPage>(event.data);
      if (message?.type === 'snapshot') {
        $shell.set(message.snapshot);
        // A hook for styles and tests: this page is connected and the shell has seen it.
        document.documentElement.dataset.shell = message.snapshot.connection;
      }
    });
  }
  const body = document.body;
  const moduleIndex = body.dataset.moduleIndex === undefined ? undefined : Number(body.dataset.moduleIndex);
  sendToShell({ type: 'page-ready', page: body.dataset.page ?? '', moduleIndex });
}
