/** The report's one stylesheet (allowed by its hash in the page's CSP) and the heatmap's classes. */

export const CSS = `
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

/** The heatmap class of a mastery share (the colours are in CSS: h0 below 50 % … h4 from 90 %). */
export function heatClass(mastery: number | null): string {
  if (mastery === null) return 'hx';
  if (mastery < 0.5) return 'h0';
  if (mastery < 0.7) return 'h1';
  if (mastery < 0.8) return 'h2';
  if (mastery < 0.9) return 'h3';
  return 'h4';
}
