/**
 * npm run bank:stats — the bank's statistics table (src/quizzes/lint/stats.ts) and the lint's findings
 * (src/quizzes/lint/lint.ts). Exit code 0 either way: `npm test` is where the lint fails (src/quizzes/lint/lint.test.ts).
 */
import { loadBank } from '../src/quizzes/load-bank.ts';
import { rules } from '../src/rules/index.ts';
import { bankStats, formatStats } from '../src/quizzes/lint/stats.ts';
import { formatFinding, lintBank } from '../src/quizzes/lint/lint.ts';

const bank = loadBank('src/quizzes/bank', new Set(rules.map((rule) => rule.id)));
console.log(formatStats(bankStats(bank.items, rules)));
const findings = lintBank(bank.items, rules);
const byCheck = new Map<string, number>();
for (const f of findings) byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
console.log(`\nlint: ${findings.length} finding(s)${findings.length ? ` — ${[...byCheck].map(([c, n]) => `${c} ${n}`).join(', ')}` : ''}`);
if (process.argv.includes('--findings')) for (const f of findings) console.log(`  ${formatFinding(f)}`);
else if (findings.length) console.log('  (npm run bank:stats -- --findings lists them)');
