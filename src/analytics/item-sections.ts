import { columnChart } from './charts.ts';
import { esc, num, pct, table } from './html.ts';
import type { Report } from './report-model.ts';

/** The item sections of the HTML report: classical item analysis and the distractor tables. */

const FLAG_TEXT: Record<string, string> = {
  'too-easy': '太容易',
  'too-hard': '太难',
  negative: '区分度为负',
  'low-discrimination': '区分度低',
  'likely-hard': '偏难迹象（数据少）',
  'likely-easy': '偏易迹象（数据少）',
  'likely-negative': '负区分迹象（数据少）',
};

const TYPE_TEXT: Record<string, string> = {
  single: '单选',
  multiple: '多选',
  truefalse: '判断',
  ordering: '排序',
  matching: '连线',
  spotting: '找错',
};

export function itemsSection(r: Report): string {
  const t = r.thresholds;
  const rel = r.reliability;
  const flagged = r.items.filter((i) => i.flags.length > 0);
  const signalled = r.items.filter((i) => i.signals.length > 0);
  const judged = r.items.filter((i) => i.judged).length;
  const flagsOf = (i: Report['items'][number]) =>
    [...i.flags.map((f) => `<span class="flag">${FLAG_TEXT[f]}</span>`), ...i.signals.map((f) => `<span class="flag signal">${FLAG_TEXT[f]}</span>`)].join('') || '';
  const relText =
    rel.kr20 === null
      ? `<p>考试信度（KR-20）：数据不足，无法计算（需要至少 2 次完整考试且总分有差异；现有 ${rel.attempts} 次）。</p>`
      : rel.enough
        ? `<p>考试信度 KR-20 = <b>${num(rel.kr20)}</b>（n = ${rel.attempts} 次完整考试，每次 ${rel.k} 题）。一般认为 0.70 以上可用于认证类考试，0.80 以上较好。</p>`
        : `<p>考试信度 KR-20 = ${num(rel.kr20)}，<b>仅供参考</b>：只有 ${rel.attempts} 次完整考试（每次 ${rel.k} 题），少于判定所需的 ${t.minKr20Attempts} 次，这个数的误差很大。</p>`;
  const list = (rows: Report['items']) =>
    rows
      .map((i) => `<li><b>${esc(i.id)}</b> ${flagsOf(i)}：${esc(i.question)}（正确答案：${esc(i.correct)}；p = ${num(i.p)}，n = ${i.n}）</li>`)
      .join('');
  const pBins = [0, 0.3, 0.5, 0.7, 0.9, 1.01].slice(0, -1).map((from, i, arr) => {
    const to = [0.3, 0.5, 0.7, 0.9, 1.01][i]!;
    void arr;
    return { label: to > 1 ? `${from.toFixed(1)}–1.0` : `${from.toFixed(1)}–${to.toFixed(1)}`, count: r.items.filter((x) => x.p !== null && x.p >= from && x.p < to).length, accent: from < t.tooHard || to > 1 };
  });
  return `<section id="items" aria-labelledby="items-h"><h2 id="items-h">4　题目分析</h2>
${relText}
<p>难度 p = 答对人次 ÷ 作答人次（越大越容易）；区分度 r<sub>pb</sub> = 这道题的得分（对 1、错 0）与同一次考试<strong>其余题目</strong>的得分率之间的点二列相关；D = 成绩最好的 27% 考试中答对率 − 成绩最差的 27% 中答对率。
<strong>判定线：一道题有 n ≥ ${t.minItemN} 次作答才下结论</strong>（太容易 p &gt; ${t.tooEasy}，太难 p &lt; ${t.tooHard}，区分度为负 r<sub>pb</sub> &lt; 0 或 D &lt; 0，区分度低 r<sub>pb</sub> &lt; ${t.lowDiscrimination}）。n 更小时，p 的 95% 置信区间宽于 ±0.22，r<sub>pb</sub> 的标准误大于 0.22，好题和坏题分不开；这时只有 95% 区间已经能确认的结果标为“迹象”。</p>
<p>本次 ${r.items.length} 道题中有 ${judged} 道达到判定线。</p>
<h3>判定有问题的题目（${flagged.length}）</h3>
${flagged.length ? `<ul>${list(flagged)}</ul>` : `<p>没有。${judged === 0 ? `没有一道题达到 ${t.minItemN} 次作答：每次考试从题库随机抽题，学员越多，每道题的作答越多。` : ''}</p>`}
<h3>值得先看一眼的题目（数据少，但 95% 区间已经显示问题：${signalled.length}）</h3>
${signalled.length ? `<ul>${list(signalled)}</ul>` : '<p>没有。</p>'}
<div class="pair"><figure><figcaption>题目难度 p 的分布（${r.items.length} 道题）</figcaption>${columnChart({ id: 'chart-p', title: '题目难度分布', desc: pBins.map((b) => `p ${b.label}：${b.count} 道`).join('；'), columns: pBins })}</figure>
${table('题目难度分布（图表数据）', ['难度 p', '题数'], pBins.map((b) => [b.label, String(b.count)]), new Set([1]))}</div>
${table(
  `全部题目（按难度从难到易；n = 作答次数；括号内为 p 的 95% 区间）`,
  ['题目', '单元', '题型', '题目文字', 'n', 'p', 'r<sub>pb</sub>', 'D', '标记'],
  r.items.map((i) => [
    esc(i.id),
    esc(i.module.slice(0, 2)),
    TYPE_TEXT[i.type] ?? esc(i.type),
    `<div class="q">${esc(i.question)}</div>`,
    String(i.n),
    `${num(i.p)}<br>(${num(i.pLow)}–${num(i.pHigh)})`,
    num(i.rpb),
    num(i.d),
    flagsOf(i),
  ]),
  new Set([4, 5, 6, 7]),
)}
</section>`;
}

export function distractorSection(r: Report): string {
  const shown = r.distractors.filter((d) => d.rows.filter((x) => !x.key).reduce((s, x) => s + x.count, 0) >= 2);
  const modeText = { option: '每个选项被选的次数', mark: '每个选项被勾选的次数（多选、找错：一次作答可勾几项）', pattern: '每种完整答案出现的次数（连线、排序）' };
  return `<section id="distractors" aria-labelledby="distractors-h"><h2 id="distractors-h">5　干扰项分析</h2>
<p>从学员实际提交的答案统计：每个选项（或答案）有多少人选、其中多少人属于成绩最好的 27%（高分组）和最差的 27%（低分组），以及选它的人那次考试的平均得分率。一个错误选项如果吸引的高分组比低分组多，题目或选项可能有歧义，值得复核。选项代号是课件在 SCORM 1.2 中记录的字母（a 是题库中该题写的第一个选项）；正确项的文字来自考题对照表。${esc(r.optionTextsNote)}</p>
<p>下面列出至少有 2 次错误作答的 ${shown.length} 道题；全部 ${r.distractors.length} 道有错答的题在 distractors.csv。</p>
${shown
  .map((d) =>
    table(
      `${esc(d.itemId)}（${TYPE_TEXT[d.type] ?? esc(d.type)}，n = ${d.n}，高分组 ${d.upperN}、低分组 ${d.lowerN}）：${esc(d.question)}（统计的是${modeText[d.mode]}）`,
      ['答案', '含义', '正确', '次数', '占比', '高分组', '低分组', '平均得分率'],
      d.rows.map((x) => [esc(x.code || '—'), esc(x.label), x.key ? '是' : '否', String(x.count), pct(x.share), String(x.upper), String(x.lower), pct(x.meanScore)]),
      new Set([3, 4, 5, 6, 7]),
    ),
  )
  .join('')}
</section>`;
}
