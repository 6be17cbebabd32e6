/**
 * The one right model for the situations the standard rules from several places at once. Lessons, quiz items and
 * role-plays teach these and nothing else; `canonical-models.test.ts` checks that every place that shows the model
 * shows all of it (see docs/item-writing.md, "The canonical case: materials incomplete").
 */

/**
 * Placing an outbound call. 第三部分第一条: once the call connects, first give your unit and name (自报单位、姓名);
 * 第五部分电话用语第5条: "您好，请问是××单位吗？". Combined: greet, identify yourself, then confirm whom you reached.
 */
export const outboundCallOpening = '您好，我是牙克石市社保局的××。请问是××单位吗？';

/** The rules the outbound-call opening combines, in the order it applies them. */
export const outboundCallRules = ['s3-1', 's5-t5'] as const;

/**
 * An applicant's materials are incomplete. The standard combines:
 * - 第五部分办公用语第5条 (s5-o5): "您的手续（材料）还缺少××项，请您准备齐全再来";
 * - 第七部分工作规范（六）一次性告知制 (s7-w6): everything missing is named once;
 * - 第七部分工作规范（二）四告知 (s7-w2): 所需手续、路径、时限, and help with the forms;
 * - 第七部分工作规范（三）不推诿 (s7-w3): explain the policy reason (做好政策解释说明);
 * - 第五部分 (s5-p0): 多说"请"字、少说"不"字;
 * - 第七部分基本要求（一）依法合规 (s7-b1): no 通融 — the item is required for everyone;
 * - 第七部分工作规范（四）不积压 (s7-w4): 绿色通道/点对点服务 for an applicant who cannot easily come back.
 */
export const incompleteMaterialsRules = ['s5-o5', 's7-w6', 's7-w2', 's7-w3', 's5-p0', 's7-b1', 's7-w4'] as const;

/** What the clerk does, in order. Lessons list these steps; role-plays' ideal paths follow them. */
export const incompleteMaterialsSteps = [
  '当场能补的当场补（请对方签字、大厅能复印的当场复印）',
  '其余缺项一次说全，写在一次性告知单上交给对方',
  '每一项说明为什么需要（政策依据）和到哪里办',
  '告知材料齐全后的办结时限',
  '请对方补齐后直接到这个窗口找自己；路远、往返困难的，说明绿色通道或点对点服务',
] as const;

/**
 * Phrases every full model dialogue of the case contains (the clerk's words). A test checks lessons 03, 05, 07 and
 * the incomplete-materials role-play's ideal path for each of them.
 */
export const incompleteMaterialsModelPhrases = [
  '还缺少', // s5-o5
  '请您准备齐全再来', // s5-o5
  '一次性告知单', // s7-w6, in writing
  '个工作日内', // s7-w2 时限 (s5-o6)
  '直接到这个窗口找我', // no second queue, no second explanation
] as const;
