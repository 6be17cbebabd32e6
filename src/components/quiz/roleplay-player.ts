import { $shell, connectToShell, sendToShell } from '../../bridge/page-client.ts';
import { choose, debrief, isFinished, lastChoice, resumeRoleplay, startRoleplay } from '../../quizzes/engine/index.ts';
import type { RoleplayState } from '../../quizzes/engine/index.ts';
import type { Roleplay } from '../../quizzes/schema.ts';
import {
  decodeRoleplaySegment,
  encodeRoleplaySegment,
  roleplaySegmentKey as segmentKey,
} from './roleplay-segment.ts';

/**
 * A role-play page (RoleplayPlayer.astro): shows the current node, the feedback of the choice just made, and at an
 * ending the debrief. The whole state is the path of choice indexes (engine `roleplay.ts`); it is saved through the
 * shell as the feature segment `rp` (format in roleplay-segment.ts) so a reload mid-role-play resumes at the same
 * node. Opening another role-play changes the segment only once the learner chooses there. Without a shell (the
 * page opened directly) nothing is saved and everything else works the same.
 */
const root = document.getElementById('rp');
const data = document.getElementById('rp-data')?.textContent;

if (root && data) {
  const roleplay = JSON.parse(data) as Roleplay;
  const index = Number(root.dataset.roleplayIndex);
  const feedback = document.getElementById('rp-feedback')!;
  const debriefBox = document.getElementById('rp-debrief')!;
  const ruleTemplate = document.getElementById('rp-rule-links') as HTMLTemplateElement | null;
  const part = (name: string) => debriefBox.querySelector<HTMLElement>(`[data-debrief="${name}"]`)!;
  const endingLabels = { good: '✓ 结局：处理得当', mixed: '△ 结局：部分得当', bad: '✗ 结局：处理不当' } as const;

  let state: RoleplayState = startRoleplay(roleplay);
  let restored = false;

  const el = (tag: string, text: string, className?: string): HTMLElement => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    return element;
  };

  const verdictOf = (choice: { keeps?: string[]; breaks?: string[] }) =>
    (choice.breaks?.length ?? 0) > 0 ? 'broken' : (choice.keeps?.length ?? 0) > 0 ? 'kept' : 'neutral';
  const verdictText = { kept: '✓ 符合规范', broken: '✗ 不符合规范', neutral: '' } as const;

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

  function renderDebrief(): void {
    const result = debrief(roleplay, state.path);
    part('ending').textContent = result.ending ? endingLabels[result.ending.kind] : '';
    part('ending').dataset.kind = result.ending?.kind ?? '';
    part('summary').textContent = result.ending?.summary ?? '';
    part('kept').replaceChildren(...ruleItems(result.kept, '✓'));
    part('broken').replaceChildren(...ruleItems(result.broken, '✗'));
    part('steps').replaceChildren(
      ...result.steps.map((step) => {
        const verdict = verdictOf(step.choice);
        const li = el('li', '', 'rp-step');
        li.dataset.verdict = verdict;
        li.append(
          el('p', `你的选择：${step.choice.text}`, 'rp-step__choice'),
          el('p', `${verdictText[verdict]}${verdictText[verdict] ? '。' : ''}${step.choice.feedback}`, 'rp-step__feedback'),
        );
        return li;
      }),
    );
  }

  /** Shows the node the state is at; `moveFocus` after a learner's action (not on load or resume). */
  function render(moveFocus: boolean): void {
    for (const node of root!.querySelectorAll<HTMLElement>('.rp-node')) node.hidden = node.dataset.node !== state.nodeId;
    const choice = lastChoice(state);
    if (choice) {
      const verdict = verdictOf(choice);
      feedback.dataset.verdict = verdict;
      feedback.replaceChildren(
        el('p', `你的选择：${choice.text}`, 'rp-feedback__choice'),
        el('p', `${verdictText[verdict]}${verdictText[verdict] ? '。' : ''}${choice.feedback}`, 'rp-feedback__text'),
      );
    } else {
      delete feedback.dataset.verdict;
      feedback.replaceChildren();
    }
    const finished = isFinished(state);
    if (finished) renderDebrief();
    debriefBox.hidden = !finished;
    if (moveFocus) root!.querySelector<HTMLElement>(`.rp-node[data-node="${state.nodeId}"] .rp-node__say`)?.focus();
  }

  function save(): void {
    sendToShell({ type: 'segment', key: segmentKey, value: encodeRoleplaySegment(index, state.path) });
  }

  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    if (!button) return;
    if (button.dataset.choice !== undefined) {
      const node = button.closest<HTMLElement>('.rp-node');
      if (node?.dataset.node !== state.nodeId) return;
      state = choose(state, Number(button.dataset.choice));
      restored = true; // the learner has acted: a late snapshot must not take them back
      render(true);
      save();
    } else if (button.dataset.action === 'restart') {
      state = startRoleplay(roleplay);
      restored = true;
      render(true);
      save();
    }
  });

  // Resume once, from the first snapshot the shell sends, if it holds a path for this role-play.
  $shell.subscribe((snapshot) => {
    if (!snapshot || restored) return;
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
