import { defineRules } from './schema.ts';

// 六、服务设施规范 has no sub-headings; each item opens with its own heading sentence (统一服务环境。),
// which is kept in `text` because it states the requirement.
const G = '服务设施规范';

export const facilitiesRules = defineRules(6, [
  {
    id: 's6-1',
    section: 6,
    group: G,
    title: '统一服务环境',
    text: '统一服务环境。窗口悬挂标识，部门摆放标识牌，人员佩戴胸卡。要保持窗口环境卫生整洁，设置必要待席坐椅，达到整洁大方的效果，真正体现服务群众。',
    items: ['窗口悬挂标识', '部门摆放标识牌', '人员佩戴胸卡'],
  },
  {
    id: 's6-2',
    section: 6,
    group: G,
    title: '公开服务承诺',
    text: '公开服务承诺。通过多种形式，结合实际需要，向服务对象公开部门承诺、集体承诺和个人承诺。',
    items: ['部门承诺', '集体承诺', '个人承诺'],
  },
  {
    id: 's6-3',
    section: 6,
    group: G,
    title: '公布办事流程',
    text: '公布办事流程。要公布工作标准、业务标准和权限标准。开放式服务大厅应设立咨询台或引导台，提供咨询服务和单据填写示范；在明显位置张贴办事指南、岗位职责；整齐摆放各类业务宣传页。办公室服务场所也要张贴办事流程和岗位职责。',
    items: ['工作标准', '业务标准', '权限标准'],
  },
  {
    id: 's6-4',
    section: 6,
    group: G,
    title: '注重安全便利',
    text: '注重安全便利。服务对象聚集的服务场所应做到采光良好、空气流通，方便疏散，并配备防火、防盗、监控等设施；保持环境卫生清洁，设施设备摆放有序，业务宣传资料齐备；增加便民措施，有条件的窗口单位，应设置专门等候区、残疾人专用设施，可推出设置医药箱等急救措施，设置自助查询终端机、排队叫号机、饮水机等。',
  },
]);
