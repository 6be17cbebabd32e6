import { $shell, connectToShell } from '../bridge/page-client.ts';
import { decodeExamState } from '../exam/exam-state.ts';
import { certificateNumber, displayName, formatChineseDate } from '../exam/certificate.ts';

/**
 * Fills the certificate from the shell's snapshot. Every LMS-provided string goes into textContent only
 * (never innerHTML), so a learner name like "<img onerror=…>" is shown as text.
 */
const root = document.querySelector<HTMLElement>('#certificate')!;
const missing = document.querySelector<HTMLElement>('#certificate-missing')!;
const field = (name: string) => root.querySelector<HTMLElement>(`[data-field="${name}"]`)!;

$shell.subscribe((snapshot) => {
  if (!snapshot || snapshot.connection === 'pending') return;
  const passed = decodeExamState(snapshot.segments.ex).passed;
  root.hidden = !passed;
  missing.hidden = Boolean(passed);
  if (!passed) return;
  const { identifier, title, edition } = snapshot.course;
  field('name').textContent = displayName(snapshot.learnerName) || '学员';
  field('course').textContent = title;
  field('edition').textContent = `${edition}年度`;
  field('date').textContent = formatChineseDate(passed.date);
  field('score').textContent = `${passed.score} 分`;
  field('number').textContent = certificateNumber(snapshot.learnerId || 'local', identifier, edition, passed.date);
});

connectToShell();
