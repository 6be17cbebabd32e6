import { defineRules } from './schema.ts';

// 四、工作人员行为规范: 行为规范 1–6 and 服务态度 1–5. 服务态度 2 and 3 repeat 三声 and 五个一样 from
// section 1 (举止规范 3, 4); they stay separate rules because the standard numbers them separately.
export const conductRules = defineRules(4, [
  {
    id: 's4-x1',
    section: 4,
    group: '行为规范',
    title: '言行稳重',
    text: '言行要温和、谦恭，举止要稳重、得体。',
  },
  {
    id: 's4-x2',
    section: 4,
    group: '行为规范',
    title: '起立招呼',
    text: '要主动用起立、打招呼等方式接待服务对象。',
  },
  {
    id: 's4-x3',
    section: 4,
    group: '行为规范',
    title: '不喧哗嬉闹',
    text: '不得在工作场所大声喧哗、嬉闹、不聚谈闲聊、不会亲友，上班时间不带小孩和非工作人员入内。',
  },
  {
    id: 's4-x4',
    section: 4,
    group: '行为规范',
    title: '不娱乐',
    text: '工作时间不得在工作场所打扑克、下棋、看小说、吃零食及进行其他娱乐活动。',
    items: ['打扑克', '下棋', '看小说', '吃零食'],
  },
  {
    id: 's4-x5',
    section: 4,
    group: '行为规范',
    title: '不玩游戏',
    text: '工作时间禁止在电脑上玩游戏，禁止收听广播和音乐，严禁电话聊天。',
  },
  {
    id: 's4-x6',
    section: 4,
    group: '行为规范',
    title: '禁忌行为',
    text: '禁忌行为：严禁在工作时间、工作场所剪指甲、化妆、脱鞋、颤腿、打哈欠、伸懒腰等不雅行为。',
    items: ['剪指甲', '化妆', '脱鞋', '颤腿', '打哈欠', '伸懒腰'],
  },
  {
    id: 's4-t1',
    section: 4,
    group: '服务态度',
    title: '真诚满足需求',
    text: '面对服务对象时，应面带微笑，目视对方时，要求自然真诚，尽量满足其合理的服务需求。',
  },
  {
    id: 's4-t2',
    section: 4,
    group: '服务态度',
    title: '百问不厌',
    text: '对来办理业务的服务对象要来有迎声，询问有答声，离开有送声。服务对象来咨询有关问题时，要主动热情、耐心周到、百问不厌，有责不烦，解释全面，不准冷落、训斥和歧视服务对象。',
    items: ['来有迎声', '询问有答声', '离开有送声'],
  },
  {
    id: 's4-t3',
    section: 4,
    group: '服务态度',
    title: '态度五个一样',
    text: '受理、咨询一样热情；生人、熟人一样和气；干部、群众一样尊重；忙时、闲时一样耐心；早来、晚来一样接待。',
    items: ['受理、咨询一样热情', '生人、熟人一样和气', '干部、群众一样尊重', '忙时、闲时一样耐心', '早来、晚来一样接待'],
    numbers: [{ value: 5, unit: '个', label: '一样' }],
  },
  {
    id: 's4-t4',
    section: 4,
    group: '服务态度',
    title: '虚心听取意见',
    text: '服务对象提出意见、建议和批评时，要虚心听取，决不与其争辩，做到有则改之，无则加勉，不得流露出不满的表情。',
  },
  {
    id: 's4-t5',
    section: 4,
    group: '服务态度',
    title: '化解误解',
    text: '服务对象出现误解、出言不逊时，工作人员要做好政策的宣传和解释工作，不与之争吵、争辩，并及时向负责人汇报。',
  },
]);
