import { atom } from 'nanostores';
import { unwrap, wrap, type PageToShell, type ShellSnapshot, type ShellToPage } from './messages.ts';

/**
 * The page side of the shell bridge. A page opened on its own (astro dev, a direct link) has no shell:
 * `$shell` stays null and messages go nowhere, so every page also works without tracking.
 */
export const $shell = atom<ShellSnapshot | null>(null);

function shellWindow(): Window | null {
  try {
    return window.parent !== window && window.parent.location.origin === window.location.origin ? window.parent : null;
  } catch {
    return null; // Cross-origin parent (an LMS frame): not our shell.
  }
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
