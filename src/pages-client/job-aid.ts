import { connectToShell } from '../bridge/page-client.ts';

/**
 * Job aids (一次性告知单, 来电留言单): announce the page to the shell, and show the print button, which works only with
 * script (the Ctrl+P hint is always shown).
 */
connectToShell();

const printButton = document.getElementById('job-aid-print');
if (printButton instanceof HTMLButtonElement) {
  printButton.hidden = false;
  printButton.addEventListener('click', () => window.print());
}
