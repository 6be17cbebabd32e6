import { defineRules } from './schema.ts';

// 三、接打电话规范 has no sub-headings; its three items are numbered 一、二、三 in the standard.
const G = '接打电话规范';

export const telephoneRules = defineRules(3, [
  {
    id: 's3-1',
    section: 3,
    group: G,
    title: '向外打电话',
    text: '向外打电话时，要查清对方的电话号码，并正确地拨号，万一弄错了，应向接电话者表示歉意，电话接通以后应先自报单位、姓名。',
  },
  {
    id: 's3-2',
    section: 3,
    group: G,
    title: '三声内接听',
    text: '接电话时，要在电话铃响三声内尽快接听，不要故意延误，先报出自己的单位名称后，再问对方找谁或有何事；如属公务传达，还应了解对方单位或姓名，并把通知事项准确全面记录下来。',
    numbers: [{ value: 3, unit: '声', label: '电话铃响（以内接听）' }],
  },
  {
    id: 's3-3',
    section: 3,
    group: G,
    title: '言简意明',
    text: '接、打电话要言简意明，严禁拉家常、无事闲聊，严禁私事打用办公电话。',
  },
]);
