import { createHash } from 'node:crypto';
import { esc, table } from './html.ts';
import { distractorSection, itemsSection } from './item-sections.ts';
import type { Report } from './report-model.ts';
import { cohortSection, methodSection, modulesSection, restudySection, rulesSection } from './report-sections.ts';
import { CSS } from './report-style.ts';
import { KIND_LABELS } from './sources.ts';

/**
 * The report as one self-contained HTML file (zh-CN): no script at all, one <style> element allowed by its hash in
 * the Content-Security-Policy meta (no 'unsafe-inline'), no request of any kind (default-src 'none'), inline SVG
 * charts each followed by its data table, print CSS for A4.
 */

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
