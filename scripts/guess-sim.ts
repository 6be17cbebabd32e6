/**
 * npm run bank:guess — how far a learner who knows nothing of the standard gets with surface cues alone (issue 11
 * point 8). Many simulated learners (each a learner id = a seed) take the certification exam with the REAL draw
 * (size, quotas and required tags from course.config.yaml, src/exam/exam-draw.ts) and the REAL scoring (engine
 * scoreAttempt); each strategy answers from what the page shows (src/quizzes/guess/cues.ts). Prints the mean score,
 * P(pass) per attempt and the chance to pass within the allowed attempts, per strategy.
 *
 *   npm run bank:guess -- --learners 4000
 */
import { loadBank } from '../src/quizzes/load-bank.ts';
import { rules } from '../src/rules/index.ts';
import { loadCourseConfig } from '../src/config/load-config.ts';
import { drawExamFor, examSeed } from '../src/exam/exam-draw.ts';
import { isEligible, mulberry32, scoreAttempt, subSeed } from '../src/quizzes/engine/index.ts';
import { bestOfCues, respond, STRATEGIES, type Strategy } from '../src/quizzes/guess/cues.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const learners = arg('learners', 4000);
const config = loadCourseConfig();
const bank = loadBank('src/quizzes/bank', new Set(rules.map((rule) => rule.id)));
const { size, quotas, require, passMark, attempts } = config.exam;
const settings = { size, quotas, require, edition: config.edition };
const pool = bank.items.filter((item) => isEligible(item, 'exam'));

const best = bestOfCues(pool);
const strategies: [string, Strategy][] = [...Object.entries(STRATEGIES), ['best of cues (per type)', best.strategy]];

interface Tally {
  scores: number[];
  passes: number;
  learnersPassed: number;
}
const tallies = new Map<string, Tally>(strategies.map(([name]) => [name, { scores: [], passes: 0, learnersPassed: 0 }]));

for (let l = 0; l < learners; l += 1) {
  const learner = `sim-${l}`;
  const passed = new Set<string>();
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const draw = drawExamFor(bank, settings, learner, 'certification', attempt);
    const seed = examSeed(learner, 'certification', config.edition, attempt);
    for (const [name, strategy] of strategies) {
      const responses: Record<string, unknown> = {};
      for (const item of draw) {
        const rng = mulberry32(subSeed(seed, `${name}:${item.id}`));
        responses[item.id] = respond(strategy[item.type], item, rng, seed);
      }
      const { raw } = scoreAttempt(draw, responses);
      const tally = tallies.get(name)!;
      tally.scores.push(raw);
      if (raw >= passMark) {
        tally.passes += 1;
        passed.add(name);
      }
    }
  }
  for (const name of passed) tallies.get(name)!.learnersPassed += 1;
}

const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)} %`;
console.log(
  `Guessing simulation: ${learners} learners × ${attempts} attempts, ${size} questions (quotas and require from course.config.yaml), pass mark ${passMark}; exam pool ${pool.length} items.\n`,
);
const rows = strategies.map(([name]) => {
  const t = tallies.get(name)!;
  const mean = t.scores.reduce((a, b) => a + b, 0) / t.scores.length;
  const sd = Math.sqrt(t.scores.reduce((a, b) => a + (b - mean) ** 2, 0) / t.scores.length);
  return [name, mean.toFixed(1), sd.toFixed(1), String(Math.max(...t.scores)), pct(t.passes / t.scores.length), pct(t.learnersPassed / learners)];
});
const head = ['strategy', 'mean', 'sd', 'best', 'P(pass) per attempt', `P(pass within ${attempts})`];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]! + 2) : c.padStart(widths[i]! + 2))).join('');
console.log(line(head));
for (const row of rows) console.log(line(row));
console.log(
  `\nbest of cues uses: ${Object.entries(best.strategy)
    .map(([type, cue]) => `${type} → ${cue} (${(100 * (best.means[`${type}:${cue}`] ?? 0)).toFixed(0)} % of a point)`)
    .join('; ')}`,
);
const zero = strategies.filter(([name]) => tallies.get(name)!.passes === 0).map(([name]) => name);
if (zero.length > 0) {
  console.log(`no pass in ${learners * attempts} attempts (95 % upper bound ${pct(3 / (learners * attempts))}): ${zero.join(', ')}`);
}
