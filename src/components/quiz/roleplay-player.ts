import { $shell, connectToShell, sendToShell } from '../../bridge/page-client.ts';
import {
  choose,
  debrief,
  isFinished,
  resumeRoleplay,
  retryFrom,
  startRoleplay,
} from '../../quizzes/engine/index.ts';
import type { RoleplayState, RoleplayStep } from '../../quizzes/engine/index.ts';
import type { Roleplay } from '../../quizzes/schema.ts';
import {
  decodeRoleplaySegment,
  encodeRoleplaySegment,
  roleplaySegmentKey as segmentKey,
  roleplayStatusKey,
  withRoleplayStatus,
  type RoleplayStatus,
} from './roleplay-segment.ts';

/**
 * A role-play page (RoleplayPlayer.astro): shows the current node and what the learner just said, and at an ending
 * the debrief. The whole state is the path of choice indexes (engine `roleplay.ts`); it is saved through the shell as
 * the feature segment `rp` (format in roleplay-segment.ts) so a reload mid-role-play resumes at the same node, and
 * the role-play's standing (`rs`: in progress / finished with its best verdict) for the home screen. A required
 * role-play also tells the shell its module may now complete. Without a shell (the page opened directly) nothing is
 * saved and everything else works the same.
 */
const root = document.getElementById('rp');
const data = document.getElementById('rp-data')?.textContent;

if (root && data) {
  // Structure and feedback only: texts come from the markup (RoleplayPlayer.astro).
  const roleplay = JSON.parse(data) as Roleplay;
  const index = Number(root.dataset.roleplayIndex);
  const requiredModule = root.dataset.requiredModule === undefined ? undefined : Number(root.dataset.requiredModule);
  const feedback = document.getElementById('rp-feedback')!;
  const debriefBox = document.getElementById('rp-debrief')!;
  const ruleTemplate = document.getElementById('rp-rule-links') as HTMLTemplateElement | null;
  const part = (name: string) => debriefBox.querySelector<HTMLElement>(`[data-debrief="${name}"]`)!;
  const verdictLabels = { good: '✓ 结局：处理得当', mixed: '△ 结局：部分得当', bad: '✗ 结局：处理不当' } as const;

  let state: RoleplayState = startRoleplay(roleplay);
  let restored = false;
  /** A standing not yet sent because no snapshot (with the other role-plays' standings) has arrived. */
  let pendingStatus: RoleplayStatus | undefined;

  const el = (tag: string, text: string, className?: string): HTMLElement => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return element;
  };

  const verdictOf = (choice: { keeps?: string[]; breaks?: string[] }) =>
    (choice.breaks?.length ?? 0) > 0 ? 'broken' : 'kept';
  const verdictText = { kept: '✓ 符合规范。', broken: '✗ 不符合规范。' } as const;

  function ruleItems(ids: readonly string[], mark: string): Node[] {
    if (ids.length === 0) return [el('li', '无')];
    return ids.flatMap((id) => {
      const item = ruleTemplate?.content.querySelector(`[data-rule="${id}"]`)?.cloneNode(true) as HTMLElement | undefined;
      if (!item) return [el('li', id)];
      const markEl = item.querySelector('.rp-mark');
      if (markEl) markEl.textContent = `${mark} `;
      return [item];
    });
  }

  /** A choice's text, from its button (the page's data block leaves the texts out). */
  const choiceText = (nodeId: string, index: number): string =>
    root!.querySelector(`.rp-node[data-node="${nodeId}"] .rp-choice[data-choice="${index}"]`)?.textContent?.trim() ?? '';

  function stepItem(step: RoleplayStep, retryAt?: number): HTMLElement {
    const verdict = verdictOf(step.choice);
    const li = el('li', '', 'rp-step');
    li.dataset.verdict = verdict;
    li.append(
      el('p', choiceText(step.nodeId, step.choiceIndex), 'rp-step__choice'),
      el('p', `${verdictText[verdict]}${step.choice.feedback}`, 'rp-step__feedback'),
    );
    if (retryAt !== undefined) {
      const retry = el('button', '从这一步重新选择', 'rp-step__retry');
      retry.setAttribute('type', 'button');
      retry.dataset.retry = String(retryAt);
      retry.setAttribute('aria-label', `从第 ${retryAt + 1} 步重新选择`);
      li.append(retry);
    }
    return li;
  }

  function renderDebrief(): void {
    const result = debrief(roleplay, state.path);
    const verdict = result.verdict ?? 'bad';
    part('ending').textContent = verdictLabels[verdict];
    part('ending').dataset.kind = verdict;
    part('summary').textContent = result.ending?.summary ?? '';
    part('cost').textContent =
      result.wrongDecisions === 0
        ? `${result.steps.length} 个决定都符合规范。`
        : `${result.steps.length} 个决定中有 ${result.wrongDecisions} 个违反了规范${
            result.ending?.severe ? '，事情已无法挽回' : '：即使后来补救，服务对象也为此付出了代价'
          }。每一步的依据见下方“您的做法”；可以从任何一步重新选择。`;
    part('kept').replaceChildren(...ruleItems(result.kept, '✓'));
    part('broken').replaceChildren(...ruleItems(result.broken, '✗'));
    part('steps').replaceChildren(...result.steps.map((step, i) => stepItem(step, i)));
    part('ideal').replaceChildren(...result.ideal.map((step) => stepItem(step)));
  }

  /** Shows the node the state is at; `moveFocus` after a learner's action (not on load or resume). */
  function render(moveFocus: boolean): void {
    for (const node of root!.querySelectorAll<HTMLElement>('.rp-node')) node.hidden = node.dataset.node !== state.nodeId;
    // Only what was said: the verdict waits for the debrief, so it does not give the next decision away.
    const step = state.path.length > 0 ? debrief(roleplay, state.path).steps.at(-1) : undefined;
    feedback.replaceChildren(
      ...(step ? [el('p', `您的选择：${choiceText(step.nodeId, step.choiceIndex)}`, 'rp-feedback__choice')] : []),
    );
    const finished = isFinished(state);
    if (finished) renderDebrief();
    debriefBox.hidden = !finished;
    if (moveFocus) root!.querySelector<HTMLElement>(`.rp-node[data-node="${state.nodeId}"] .rp-node__say`)?.focus();
  }

  function flushStatus(): void {
    const snapshot = $shell.get();
    if (!snapshot || pendingStatus === undefined) return;
    const current = snapshot.segments[roleplayStatusKey];
    const next = withRoleplayStatus(current, index, pendingStatus);
    pendingStatus = undefined;
    if (next !== current) sendToShell({ type: 'segment', key: roleplayStatusKey, value: next });
  }

  function save(): void {
    sendToShell({ type: 'segment', key: segmentKey, value: encodeRoleplaySegment(index, state.path) });
    const result = isFinished(state) ? debrief(roleplay, state.path).verdict : null;
    pendingStatus = result ?? (state.path.length > 0 ? 'in-progress' : pendingStatus);
    flushStatus();
    if (result && requiredModule !== undefined) sendToShell({ type: 'roleplay-done', moduleIndex: requiredModule });
  }

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    if (!button) return;
    if (button.dataset.choice !== undefined) {
      const node = button.closest<HTMLElement>('.rp-node');
      if (node?.dataset.node !== state.nodeId) return;
      state = choose(state, Number(button.dataset.choice));
    } else if (button.dataset.retry !== undefined) {
      state = retryFrom(state, Number(button.dataset.retry));
    } else if (button.dataset.action === 'restart') {
      state = startRoleplay(roleplay);
    } else {
      return;
    }
    restored = true; // the learner has acted: a late snapshot must not take them back
    render(true);
    save();
  });

  $shell.subscribe((snapshot) => {
    if (!snapshot) return;
    flushStatus();
    // Resume once, from the first snapshot the shell sends, if it holds a path for this role-play.
    if (restored) return;
    restored = true;
    const saved = decodeRoleplaySegment(snapshot.segments[segmentKey]);
    if (!saved || saved.index !== index || saved.path.length === 0) return;
    const resumed = resumeRoleplay(roleplay, saved.path);
    if (!resumed) return;
    state = resumed;
    render(false);
  });

  render(false);
  connectToShell();
}
