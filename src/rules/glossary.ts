import { z } from 'zod';
import { RULE_ID_PATTERN } from './schema.ts';

/**
 * Glossary of the standard's set terms, for the glossary page and `<Term id>` links.
 * `source: 'standard'` means the definition restates the standard's own words; `'advice'` means the
 * standard only names the term (e.g. the five systems in 七、工作规范（六）) and the definition is a
 * commonly used one, so pages must label it as explanation, not as the rule.
 */
export const GlossaryEntrySchema = z.object({
  /** Stable ASCII id, the anchor on the glossary page (`/glossary.html#<id>`). */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** The term as written in the standard. */
  term: z.string().min(1),
  /** Hanyu pinyin reading of the term, with tone marks. */
  reading: z.string().min(1),
  /** Definition in zh-CN, full-width punctuation. */
  definition: z.string().min(1),
  /** Whether `definition` restates the standard (`standard`) or explains beyond it (`advice`). */
  source: z.enum(['standard', 'advice']),
  /** The rule that names the term. */
  ruleId: z.string().regex(RULE_ID_PATTERN),
  /** The standard's own words about the term, quoted when `definition` is advice. */
  standardText: z.string().min(1).optional(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

export const glossary: readonly GlossaryEntry[] = Object.freeze(
  [
    {
      id: 'wugeyiyang',
      term: '五个一样',
      reading: 'wǔ gè yīyàng',
      definition:
        '受理、咨询一样热情；生人、熟人一样和气；干部、群众一样尊重；忙时、闲时一样耐心；来早、来晚一样接待。',
      source: 'standard',
      ruleId: 's1-j4',
    },
    {
      id: 'sansheng',
      term: '来有迎声、询问有答声、离开有送声（三声）',
      reading: 'lái yǒu yíng shēng、xúnwèn yǒu dá shēng、líkāi yǒu sòng shēng（sān shēng）',
      definition: '接待服务对象时要来有迎声，询问有答声，离开有送声。',
      source: 'standard',
      ruleId: 's1-j3',
    },
    {
      id: 'santiqian',
      term: '三提前',
      reading: 'sān tíqián',
      definition:
        '服务准备的三项要求：提前检查好信息系统或硬件设施；提前准备好业务凭证和相关印章；提前到达岗位进入工作姿态。',
      source: 'standard',
      ruleId: 's7-w1',
    },
    {
      id: 'sigaozhi',
      term: '四告知',
      reading: 'sì gàozhī',
      definition:
        '服务咨询时告知所提申请是否符合政策规定，告知办理相关业务所需手续，告知办理业务的路径，告知办理业务的时限，并指导服务对象填写有关业务凭证。',
      source: 'standard',
      ruleId: 's7-w2',
    },
    {
      id: 'butuiwei',
      term: '不推诿',
      reading: 'bù tuīwěi',
      definition:
        '服务受理时，对服务对象符合规定的需求即时受理，对手续不全或不符合规定的做好政策解释说明，不以任何借口推诿、搪塞服务对象。',
      source: 'standard',
      ruleId: 's7-w3',
    },
    {
      id: 'bujiya',
      term: '不积压',
      reading: 'bù jīyā',
      definition: '服务办理时，在业务受理、初审、复核、办结各环节，按岗位职责和时限要求及时办理。',
      source: 'standard',
      ruleId: 's7-w4',
    },
    {
      id: 'buchucuo',
      term: '不出错',
      reading: 'bù chūcuò',
      definition:
        '服务结果要严格执行业务规程和标准，层层复核把关，力争每个环节不出差错；建立服务日志基础台账，记录各业务环节的办理过程，发现有错及时改正。',
      source: 'standard',
      ruleId: 's7-w5',
    },
    {
      id: 'jishijiban',
      term: '急事急办、特事特办',
      reading: 'jíshì jíbàn、tèshì tèbàn',
      definition:
        '对距离较远、往返困难及有其他特殊情况的服务对象适用的办理原则：按这一原则开辟绿色通道，实行点对点服务、重点服务和一条龙服务。',
      source: 'standard',
      ruleId: 's7-w4',
    },
    {
      id: 'lvsetongdao',
      term: '绿色通道',
      reading: 'lǜsè tōngdào',
      definition:
        '按“急事急办，特事特办”原则，为距离较远、往返困难及有其他特殊情况的服务对象开辟的专门办理渠道，实行点对点服务、重点服务和一条龙服务。',
      source: 'standard',
      ruleId: 's7-w4',
    },
    // The five systems: 七、工作规范（六） names them only ("实行首问负责制、全程代理制、一次性告知制、
    // 限时办结制和责任追究制"). The definitions below are the usual meanings in public-service halls.
    {
      id: 'shouwen',
      term: '首问负责制',
      reading: 'shǒu wèn fùzé zhì',
      definition:
        '服务对象来办事或咨询时，第一位被询问的工作人员就是首问责任人：属于自己职责的，当场办理或答复；不属于自己职责的，要把服务对象引导到负责的窗口或人员，直到问题有人接手，不能一推了之。',
      source: 'advice',
      ruleId: 's7-w6',
      standardText: '服务方式灵活多样：实行首问负责制、全程代理制、一次性告知制、限时办结制和责任追究制。',
    },
    {
      id: 'quancheng',
      term: '全程代理制',
      reading: 'quánchéng dàilǐ zhì',
      definition:
        '需要经过多个环节或部门办理的事项，由受理窗口统一接收材料，代服务对象在内部各环节之间流转办理，办结后把结果交给或通知服务对象，服务对象不必在各环节之间往返。',
      source: 'advice',
      ruleId: 's7-w6',
      standardText: '服务方式灵活多样：实行首问负责制、全程代理制、一次性告知制、限时办结制和责任追究制。',
    },
    {
      id: 'yicixing',
      term: '一次性告知制',
      reading: 'yīcìxìng gàozhī zhì',
      definition:
        '服务对象办事或咨询时，工作人员把办理依据、条件、所需材料、程序和时限一次讲清楚（最好书面告知）；材料不全的，一次性说明缺少的全部内容，不让服务对象因告知不全而多次往返。',
      source: 'advice',
      ruleId: 's7-w6',
      standardText: '服务方式灵活多样：实行首问负责制、全程代理制、一次性告知制、限时办结制和责任追究制。',
    },
    {
      id: 'xianshi',
      term: '限时办结制',
      reading: 'xiànshí bànjié zhì',
      definition:
        '每项业务都有明确的办理时限，工作人员在规定或承诺的时限内办结；因故不能按时办结的，及时向服务对象说明原因和预计办结时间。',
      source: 'advice',
      ruleId: 's7-w6',
      standardText: '服务方式灵活多样：实行首问负责制、全程代理制、一次性告知制、限时办结制和责任追究制。',
    },
    {
      id: 'zeren',
      term: '责任追究制',
      reading: 'zérèn zhuījiū zhì',
      definition:
        '工作人员不履行或不正确履行职责，造成推诿扯皮、超时办理、差错或服务对象合理投诉等后果的，按规定追究有关人员的责任。',
      source: 'advice',
      ruleId: 's7-w6',
      standardText: '服务方式灵活多样：实行首问负责制、全程代理制、一次性告知制、限时办结制和责任追究制。',
    },
  ].map((e) => Object.freeze(GlossaryEntrySchema.parse(e))),
);

const byId = new Map(glossary.map((e) => [e.id, e] as const));

/** The glossary entry with this id, or `undefined`. */
export function glossaryEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}
