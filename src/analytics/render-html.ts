import { createHash } from 'node:crypto';
import type { Report } from './report-model.ts';
import { OUTCOME_LABELS } from './report-model.ts';
import { barChart, columnChart } from './charts.ts';
import { esc, num, pct } from './html.ts';
import { KIND_LABELS } from './sources.ts';

/**
 * The report as one self-contained HTML file (zh-CN): no script at all, one <style> element allowed by its hash in
 * the Content-Security-Policy meta (no 'unsafe-inline'), no request of any kind (default-src 'none'), inline SVG
 * charts each followed by its data table, print CSS for A4.
 */
const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1a1a1a;background:#fff}
header,main,footer{max-width:1080px;margin:0 auto;padding:0 16px}
header{padding-top:20px;border-bottom:3px solid #2f6690}
h1{font-size:1.6rem;margin:.2em 0}
h2{font-size:1.3rem;margin:1.6em 0 .4em;border-bottom:1px solid #bbb;padding-bottom:.2em}
h3{font-size:1.08rem;margin:1.2em 0 .3em}
a{color:#0b4f8a;text-decoration:underline}
.meta{color:#333;margin:.2em 0 .8em}
nav ol{columns:2;margin:.4em 0 1em;padding-left:1.4em}
.note{border-left:4px solid #b5542a;background:#fdf3ee;padding:.5em .8em;margin:.6em 0}
.privacy{border-left:4px solid #2f6690;background:#eef4f9;padding:.5em .8em}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:8px;margin:.6em 0;padding:0;list-style:none}
.figures li{border:1px solid #ccc;border-radius:4px;padding:.4em .6em}
.figures b{display:block;font-size:1.35rem}
figure{margin:1em 0;break-inside:avoid}
figcaption{font-weight:bold;margin-bottom:.3em}
.chart{max-width:100%;height:auto;display:block}
.scroll{overflow-x:auto}
.scroll:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.92rem}
caption{text-align:left;font-weight:bold;padding:.2em 0;min-width:18em}
.pair{display:grid;grid-template-columns:minmax(0,auto) minmax(0,auto);gap:8px 28px;align-items:start;justify-content:start}
@media (max-width:760px){.pair{grid-template-columns:minmax(0,1fr)}}
th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#eef1f4}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.h0{background:#f4b9a8}.h1{background:#f9d7a6}.h2{background:#fbf0b4}.h3{background:#d8ecc4}.h4{background:#b8dfb2}.hx{background:#f2f2f2}
.legend{display:flex;flex-wrap:wrap;gap:6px;padding:0;list-style:none;font-size:.9rem}
.legend li{border:1px solid #999;padding:0 .5em}
.flag{display:inline-block;border:1px solid #7a1f1f;color:#7a1f1f;border-radius:3px;padding:0 .3em;margin:0 .2em .1em 0;font-size:.85rem;white-space:nowrap}
.signal{border-color:#6b5200;color:#6b5200}
.q{max-width:30em}
.heat th[scope=row],.heat td:nth-child(2){white-space:nowrap}
.heat td.n{min-width:4.2em}
.rule-text{max-width:34em}
footer{margin-top:2em;padding-bottom:2em;color:#333;font-size:.9rem}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{font-size:9.5pt}
 header,main,footer{max-width:none;padding:0}
 nav{display:none}
 h2{break-after:avoid;break-before:auto}
 h3{break-after:avoid}
 tr,figure,.figures li{break-inside:avoid}
 .scroll{overflow:visible}
 a{color:#000}
 table{font-size:8.5pt}
}
`;

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

function heatClass(mastery: number | null): string {
  if (mastery === null) return 'hx';
  if (mastery < 0.5) return 'h0';
  if (mastery < 0.7) return 'h1';
  if (mastery < 0.8) return 'h2';
  if (mastery < 0.9) return 'h3';
  return 'h4';
}

const frac = (right: number, n: number) => `${right}/${n}`;

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set()): string {
  const th = head.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="n"' : ''}>${h}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric.has(i) ? ' class="n"' : ''}>${c}</td>`)).join('')}</tr>`)
    .join('');
  // A wide table scrolls in its own box on a small screen; the box takes focus so keyboard users can scroll it.
  const label = caption.replace(/<[^>]+>/g, '').slice(0, 80).replace(/&[a-z#0-9]*$/, '');
  return `<div class="scroll" tabindex="0" role="region" aria-label="${label}"><table><caption>${caption}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function cohortSection(r: Report): string {
  const c = r.cohort;
  const figures = [
    ['有学习记录的学员', `${c.learners}`, `名册中共 ${c.enrolled} 人，其中 ${c.enrolled - c.learners} 人没有记录`],
    ['LMS 尝试次数', `${c.lmsAttempts}`, 'Moodle 的 SCORM attempt'],
    ['最终通过率', pct(c.finalPass.mastery), `${frac(c.finalPass.right, c.finalPass.n)} 名有学习记录的学员`],
    ['有逐题数据的学员', `${c.learnersWithItems}`, `${c.examAttempts} 次考试、${c.responses} 次作答、${c.itemsSeen} 道不同的题`],
    ['成绩（LMS 上报）', c.scores.mean === null ? '—' : `平均 ${num(c.scores.mean, 1)}`, `中位数 ${num(c.scores.median, 0)}，n=${c.scores.n}；${c.scores.noScore} 人没有分数`],
  ];
  const attemptBars = c.passByAttempt.map((p) => ({
    label: `第 ${p.attempt} 次考试`,
    value: p.rate ?? 0,
    text: p.takers ? `${pct(p.rate)}（${p.passed}/${p.takers}）` : '无人参加',
  }));
  const outcomeTable = table(
    '各结果的人数（图表数据）',
    ['结果', '人数'],
    c.outcomes.map((o) => [esc(o.label), String(o.count)]),
    new Set([1]),
  );
  const scoreCols = c.scores.bins.map((b) => ({ label: b.label, count: b.count, accent: b.to <= r.course.passMark }));
  const time = (label: string, t: Report['cohort']['time']['lms'], what: string) =>
    t ? [esc(label), `${num(t.median, 1)}`, `${num(t.min, 1)} – ${num(t.max, 1)}`, String(t.n), esc(what)] : null;
  const timeRows = [
    time('LMS 尝试（开始到最后访问）', c.time.lms, 'Moodle 报表的 Started on 到 Last accessed on，分钟精度；是时间跨度，不是实际学习时长（Moodle 这些报表不导出累计学习时间）'),
    time('考试（第一题到最后一题作答）', c.time.exam, '长表格式的 timestamp'),
  ].filter((x): x is string[] => x !== null);
  return `<section id="cohort" aria-labelledby="cohort-h"><h2 id="cohort-h">1　学员总体情况</h2>
<ul class="figures">${figures.map(([k, v, d]) => `<li>${esc(k)}<b>${esc(v)}</b>${esc(d)}</li>`).join('')}</ul>
<div class="pair"><figure><figcaption>各次考试的通过率</figcaption>${
    c.learnersWithItems
      ? barChart({ id: 'chart-attempts', title: '各次考试的通过率', desc: attemptBars.map((b) => `${b.label}：${b.text}`).join('；'), bars: attemptBars, labelWidth: 110 })
      : '<p>没有逐题数据，无法知道学员在第几次考试通过。</p>'
  }</figure>
${table(
  `各次考试的通过率（图表数据；只含有逐题数据的 ${c.learnersWithItems} 名学员；n = 参加该次考试的人数）`,
  ['考试', '参加人数 n', '通过', '通过率', '累计通过', '累计通过率'],
  c.passByAttempt.map((p) => [`第 ${p.attempt} 次`, String(p.takers), String(p.passed), pct(p.rate), String(p.cumulative), pct(p.cumulativeRate)]),
  new Set([1, 2, 3, 4, 5]),
)}</div>
${outcomeTable}
<div class="pair"><figure><figcaption>LMS 上报的成绩分布（n=${c.scores.n}）</figcaption>${columnChart({
    id: 'chart-scores',
    title: `成绩分布，n=${c.scores.n}`,
    desc: scoreCols.map((s) => `${s.label} 分：${s.count} 人`).join('；') + `。及格分 ${r.course.passMark}，低于及格分的分段用橙色。`,
    columns: scoreCols,
  })}</figure>
${table(`成绩分布（图表数据；另有 ${c.scores.noScore} 名学员没有分数：课程只在结果确定时上报分数）`, ['分数段', '人数'], c.scores.bins.map((b) => [b.label, String(b.count)]), new Set([1]))}</div>
${timeRows.length ? table('学习时间（分钟）', ['范围', '中位数', '最短 – 最长', 'n', '说明'], timeRows, new Set([1, 2, 3])) : '<p>这些导出文件没有学习时间。</p>'}
</section>`;
}

function modulesSection(r: Report): string {
  if (r.cohort.responses === 0) return `<section id="modules" aria-labelledby="modules-h"><h2 id="modules-h">2　各单元掌握情况</h2><p>没有逐题数据，无法计算。</p></section>`;
  const bars = r.modules.map((m) => ({ label: `${m.module.slice(0, 2)} ${m.title}`, value: m.mastery ?? 0, text: `${pct(m.mastery)}（${frac(m.right, m.n)}）`, accent: (m.mastery ?? 1) < 0.8 }));
  const learners = r.learners.filter((l) => l.overall.n > 0);
  const short = (l: Report['learners'][number]) =>
    l.outcome === 'passed' ? (l.passedAt ? `通过（第 ${l.passedAt} 次）` : '通过') : l.outcome === 'failed-final' ? '未通过（次数用完）' : l.outcome === 'not-finished' ? '未通过，未再考' : OUTCOME_LABELS[l.outcome];
  const heat = `<div class="scroll" tabindex="0" role="region" aria-label="学员 × 单元热力图"><table class="heat"><caption>学员 × 单元掌握情况（答对题数/作答题数，含所有考试次数）</caption><thead><tr><th scope="col">学员</th><th scope="col">结果</th>${r.modules
    .map((m) => `<th scope="col" class="n">${esc(m.module.slice(0, 2))}<br>${esc(m.title.replace(/规范$/, ''))}</th>`)
    .join('')}<th scope="col" class="n">合计</th></tr></thead><tbody>${learners
    .map(
      (l) =>
        `<tr><th scope="row">${esc(l.name)}</th><td>${esc(short(l))}</td>${l.modules
          .map((m) => `<td class="n ${heatClass(m.mastery)}">${m.n ? `${pct(m.mastery)}<br>${frac(m.right, m.n)}` : '—'}</td>`)
          .join('')}<td class="n ${heatClass(l.overall.mastery)}">${pct(l.overall.mastery)}<br>${frac(l.overall.right, l.overall.n)}</td></tr>`,
    )
    .join('')}</tbody></table></div>
<ul class="legend" aria-label="颜色图例"><li class="h0">低于 50%</li><li class="h1">50–69%</li><li class="h2">70–79%</li><li class="h3">80–89%</li><li class="h4">90% 以上</li><li class="hx">没有作答</li></ul>`;
  return `<section id="modules" aria-labelledby="modules-h"><h2 id="modules-h">2　各单元掌握情况</h2>
<p>掌握率 = 答对的作答数 ÷ 作答数（该单元的所有考题、所有考试次数）。每个数字后是它的 n。</p>
<div class="pair"><figure><figcaption>各单元掌握率</figcaption>${barChart({ id: 'chart-modules', title: '各单元掌握率', desc: bars.map((b) => `${b.label}：${b.text}`).join('；'), bars, labelWidth: 190, marker: { at: r.course.passMark / 100, label: '及格分' } })}</figure>
${table('各单元掌握率（图表数据）', ['单元', '答对', '作答 n', '掌握率'], r.modules.map((m) => [`${esc(m.module)} ${esc(m.title)}`, String(m.right), String(m.n), pct(m.mastery)]), new Set([1, 2, 3]))}</div>
<h3>学员 × 单元热力图</h3>
<p>颜色越深越需要关注；每格同时写出百分比和 答对/作答。</p>
${heat}</section>`;
}

function rulesSection(r: Report): string {
  const judged = r.rules.filter((x) => x.enough);
  const few = r.rules.filter((x) => !x.enough);
  const top = judged.slice(0, 10);
  const bars = top.map((x) => ({ label: `${x.id} ${x.title}`, value: x.mastery ?? 0, text: `${pct(x.mastery)}（${frac(x.right, x.n)}）`, accent: true }));
  const row = (x: Report['rules'][number], i: number) => [
    `${i + 1}`,
    x.link ? `<a href="${esc(x.link)}">${esc(x.id)}</a>` : esc(x.id),
    esc(x.title),
    `<div class="rule-text">${esc(x.text)}</div>`,
    pct(x.mastery),
    frac(x.right, x.n),
    String(x.items),
  ];
  return `<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">3　最薄弱的规范条款</h2>
<p>条款掌握率 = 引用该条款的考题上答对的作答数 ÷ 作答数。一道题可以引用几条条款。只有作答数 n ≥ ${r.thresholds.minRuleN} 的条款参加排名（n 更小时，一两次偶然答错就会让掌握率变化 10% 以上）。条款编号链接到课程中讲这一条的位置（modules/&lt;单元&gt;.html，在课件包目录里打开本报告时可直接跳转）。</p>
${top.length ? `<figure><figcaption>掌握率最低的 ${top.length} 条条款</figcaption>${barChart({ id: 'chart-rules', title: `掌握率最低的 ${top.length} 条条款`, desc: top.map((x) => `${x.id} ${x.title}：${pct(x.mastery)}（${frac(x.right, x.n)}）`).join('；'), bars, labelWidth: 170 })}</figure>` : '<p>还没有条款达到排名所需的作答数。</p>'}
${table(`条款掌握率，从低到高（n ≥ ${r.thresholds.minRuleN}，共 ${judged.length} 条）`, ['排名', '条款', '标题', '规范原文', '掌握率', '答对/作答 n', '题数'], judged.map(row), new Set([0, 4, 5, 6]))}
${few.length ? table(`作答数不足 ${r.thresholds.minRuleN} 的条款（不排名，仅供参考；共 ${few.length} 条）`, ['序号', '条款', '标题', '规范原文', '掌握率', '答对/作答 n', '题数'], few.map(row), new Set([0, 4, 5, 6])) : ''}
</section>`;
}

function itemsSection(r: Report): string {
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

function distractorSection(r: Report): string {
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

function restudySection(r: Report): string {
  return `<section id="restudy" aria-labelledby="restudy-h"><h2 id="restudy-h">6　未通过学员的复习建议</h2>
<p>供主管与学员面谈时使用：列出每名未通过学员<strong>答错次数不少于答对次数</strong>的条款（按答错次数排序，括号内为 答错/作答，最多 12 条）；只偶尔答错的条款在 restudy.csv 中。链接指向课程中讲这一条的位置。</p>
${
  r.restudy.length === 0
    ? '<p>没有未通过的学员。</p>'
    : r.restudy
        .map(
          (l) => `<h3>${esc(l.name)}</h3><p>${esc(OUTCOME_LABELS[l.outcome])}；考试 ${l.examAttempts || '—'} 次；LMS 分数 ${l.score ?? '无'}。</p>${
            l.note
              ? `<p>${esc(l.note)}</p>`
              : l.rules.some((x) => x.focus)
                ? `<ul>${l.rules
                    .filter((x) => x.focus)
                    .slice(0, 12)
                    .map((x) => `<li>${x.link ? `<a href="${esc(x.link)}">${esc(x.id)}</a>` : esc(x.id)} ${esc(x.title)}（${x.wrong}/${x.n}）</li>`)
                    .join('')}</ul>`
                : '<p>没有答错多于答对的条款。</p>'
          }`,
        )
        .join('')
}
</section>`;
}

function methodSection(r: Report): string {
  const t = r.thresholds;
  return `<section id="method" aria-labelledby="method-h"><h2 id="method-h">7　计算方法与判定线</h2>
<ul>
<li>数据：每次考试每道题一条作答记录（LMS 中的 interactions，编号 a&lt;次数&gt;-&lt;题目编号&gt;），按考题对照表连接到单元、条款和正确答案。所有考试次数都计入；补考的学员因此多次出现。</li>
<li>难度 p = R/n（答对人次/作答人次），95% 区间为 Wilson 区间。</li>
<li>区分度 r<sub>pb</sub>：题目得分（0/1）与同一次考试其余题目得分率的皮尔逊相关（即校正后的点二列相关，题目本身不计入总分，免得自己和自己相关）。每次考试随机抽题，所以用得分率而不是题数。</li>
<li>D = p<sub>高分组</sub> − p<sub>低分组</sub>，高、低分组为按考试得分率排在前、后 27% 的考试（同分的一并计入，所以组可能略大于 27%）。Ebel 的分档：0.40 以上很好，0.30–0.39 良好，0.20–0.29 尚可，0.20 以下差，负数表示弱者反而答得好。</li>
<li>KR-20 = k/(k−1) · (1 − Σpq/σ²)，k 为每次考试的题数，σ² 为完整考试答对题数的方差，Σpq 按每次考试实际抽到的题求和后取平均。≥ ${t.minKr20Attempts} 次完整考试才作为结论。</li>
<li>判定线：题目 n ≥ ${t.minItemN}；条款排名 n ≥ ${t.minRuleN}；KR-20 ≥ ${t.minKr20Attempts} 次考试。低于判定线时只给出数字和 n，不下结论。</li>
<li>通过：LMS 上报的分数 ≥ 及格分 ${r.course.passMark}（课程只在结果确定时上报分数；补考只在未通过后进行，所以通过的那次就是最后一次考试）。</li>
</ul></section>`;
}

export function renderHtml(r: Report): string {
  const hash = createHash('sha256').update(CSS).digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
  const sources = table(
    '读取的文件',
    ['文件', '类型', '格式', '数据行', '学员行', '逐题作答'],
    r.sources.map((s) => [esc(s.file), esc(KIND_LABELS[s.kind]), s.format === 'xlsx' ? 'Excel' : '文本', String(s.rows), String(s.learners), String(s.responses)]),
    new Set([3, 4, 5]),
  );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>学习数据分析报告 · 服务行为规范培训</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>服务行为规范培训 · 学习数据分析报告</h1>
<p class="meta">生成时间 ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC${r.course.identifier ? `　课程 ${esc(r.course.identifier)}` : ''}　及格分 ${r.course.passMark}　考试次数 ${r.course.maxAttempts}　考题对照表 ${esc(r.itemMap.file)}（${r.itemMap.items} 道题）</p>
<nav aria-label="目录"><ol>
<li><a href="#cohort">学员总体情况</a></li><li><a href="#modules">各单元掌握情况</a></li><li><a href="#rules">最薄弱的规范条款</a></li>
<li><a href="#items">题目分析</a></li><li><a href="#distractors">干扰项分析</a></li><li><a href="#restudy">未通过学员的复习建议</a></li><li><a href="#method">计算方法与判定线</a></li>
</ol></nav>
</header>
<main>
<section id="about" aria-labelledby="about-h"><h2 id="about-h">报告内容与数据来源</h2>
<p class="privacy">${esc(r.privacy.statement)}</p>
${sources}
${r.notices.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
</section>
${cohortSection(r)}
${modulesSection(r)}
${rulesSection(r)}
${itemsSection(r)}
${distractorSection(r)}
${restudySection(r)}
${methodSection(r)}
</main>
<footer><p>由 npm run analyze 生成。所有数字同时在 report.json 和 csv/ 目录中。</p></footer>
</body>
</html>
`;
}
