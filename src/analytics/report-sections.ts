import { barChart, columnChart } from './charts.ts';
import { esc, frac, num, pct, table } from './html.ts';
import type { Report } from './report-model.ts';
import { OUTCOME_LABELS } from './report-model.ts';
import { heatClass } from './report-style.ts';

/** The learner-side sections of the HTML report: cohort, modules, weakest rules, re-study lists, method. */

export function cohortSection(r: Report): string {
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

export function modulesSection(r: Report): string {
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

export function rulesSection(r: Report): string {
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

export function restudySection(r: Report): string {
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

export function methodSection(r: Report): string {
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
