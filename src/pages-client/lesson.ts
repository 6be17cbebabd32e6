import { connectToShell, sendToShell } from '../bridge/page-client.ts';

/** A lesson reports its visit on load and "reached the end" once the end marker scrolls into view. */
connectToShell();

const moduleIndex = Number(document.body.dataset.moduleIndex);
const end = document.getElementById('lesson-end');
if (end && Number.isInteger(moduleIndex)) {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      sendToShell({ type: 'module-end', moduleIndex });
      observer.disconnect();
    }
  });
  observer.observe(end);
}
