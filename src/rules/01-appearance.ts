import { defineRules } from './schema.ts';

// 一、仪容仪表规范. The section's opening paragraph (为规范我局工作人员行为……制定本规范) states the purpose
// of the whole standard and rules nothing, so it is not a rule here.
export const appearanceRules = defineRules(1, [
  // 仪表规范 1–4
  {
    id: 's1-y1',
    section: 1,
    group: '仪表规范',
    title: '举止文明',
    text: '举止文明，办事公正，体现养老保险窗口工作人员良好的修养和素质。',
  },
  {
    id: 's1-y2',
    section: 1,
    group: '仪表规范',
    title: '姿态文雅',
    text: '姿态文雅、自然大方，坐姿要端正，站姿要挺立。',
  },
  {
    id: 's1-y3',
    section: 1,
    group: '仪表规范',
    title: '服饰整洁',
    text: '服饰穿戴整洁、朴素大方、仪表端庄。',
  },
  {
    id: 's1-y4',
    section: 1,
    group: '仪表规范',
    title: '不穿奇装异服',
    text: '工作时间不得外穿短裤，穿吊带装、超短裙或其它奇装异服。',
    items: ['短裤', '吊带装', '超短裙', '奇装异服'],
  },
  // 举止规范 1–5
  {
    id: 's1-j1',
    section: 1,
    group: '举止规范',
    title: '言行得体',
    text: '言行举止要和善、谦恭、庄重、得体。',
    items: ['和善', '谦恭', '庄重', '得体'],
  },
  {
    id: 's1-j2',
    section: 1,
    group: '举止规范',
    title: '面带微笑',
    text: '面对服务对象时应面带微笑，自然真诚。',
  },
  {
    id: 's1-j3',
    section: 1,
    group: '举止规范',
    title: '三声',
    text: '接待服务对象时要来有迎声，询问有答声，离开有送声。',
    items: ['来有迎声', '询问有答声', '离开有送声'],
    numbers: [{ value: 3, unit: '声', label: '迎声、答声、送声' }],
  },
  {
    id: 's1-j4',
    section: 1,
    group: '举止规范',
    title: '五个一样',
    text: '受理、咨询一样热情；生人、熟人一样和气；干部、群众一样尊重；忙时、闲时一样耐心；来早、来晚一样接待。',
    items: ['受理、咨询一样热情', '生人、熟人一样和气', '干部、群众一样尊重', '忙时、闲时一样耐心', '来早、来晚一样接待'],
    numbers: [{ value: 5, unit: '个', label: '一样' }],
  },
  {
    id: 's1-j5',
    section: 1,
    group: '举止规范',
    title: '文明传递材料',
    text: '不使用扔、投等不文明的方式传递审批件或材料。',
  },
]);
