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

export function sendToShell(message: PageToShell): void {
  shellWindow()?.postMessage(wrap(message), window.location.origin);
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
