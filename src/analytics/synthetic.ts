import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ItemMap, MappedItem } from './item-map.ts';

/**
 * A synthetic long-format export for the benchmark and tests: `learners × attempts × size` rows drawn from the given
 * item map, with learner abilities and item difficulties so the statistics have something to find. Deterministic
 * (a fixed linear congruential generator), written as a stream so a large file never sits in memory.
 */
export interface SyntheticOptions {
  readonly rows: number;
  readonly itemMap: ItemMap;
  readonly size?: number;
  readonly seed?: number;
}

function keyOf(item: MappedItem): { key: string; wrong: string } {
  switch (item.type) {
    case 'truefalse':
      return item.correct === '对' ? { key: 't', wrong: 'f' } : { key: 'f', wrong: 't' };
    case 'multiple':
    case 'spotting': {
      const n = Math.max(1, item.correct.split('；').length);
      const codes = 'abcdefgh'.slice(0, n).split('');
      return { key: codes.join(','), wrong: [...codes.slice(0, -1), 'h'].join(',') };
    }
    case 'matching': {
      const n = Math.max(2, item.correct.split('；').length);
      const pairs = 'abcdefgh'.slice(0, n).split('').map((c) => `${c}.${c}`);
      return { key: pairs.join(','), wrong: ['a.b', 'b.a', ...pairs.slice(2)].join(',') };
    }
    case 'ordering': {
      const n = Math.max(2, item.correct.split(' → ').length);
      const codes = 'abcdefgh'.slice(0, n).split('');
      return { key: codes.join(','), wrong: ['b', 'a', ...codes.slice(2)].join(',') };
    }
    default:
      return { key: 'a', wrong: 'b' };
  }
}

export async function writeSyntheticLongExport(file: string, options: SyntheticOptions): Promise<{ rows: number; learners: number }> {
  const size = options.size ?? 20;
  let seed = options.seed ?? 20261201;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const items = [...options.itemMap.items.values()];
  const difficulty = items.map(() => random() * 3 - 1.5);
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('learner,attempt,interaction_id,response,result,score,timestamp\n');
  let rows = 0;
  let learner = 0;
  const start = Date.UTC(2026, 11, 1, 8);
  while (rows < options.rows) {
    learner += 1;
    const ability = random() * 4 - 1;
    for (let attempt = 1; attempt <= 3 && rows < options.rows; attempt++) {
      const drawn = new Set<number>();
      while (drawn.size < Math.min(size, items.length)) drawn.add(Math.floor(random() * items.length));
      const lines: string[] = [];
      let right = 0;
      for (const index of drawn) {
        const item = items[index]!;
        const correct = random() < 1 / (1 + Math.exp(difficulty[index]! - ability - 0.3 * attempt));
        if (correct) right += 1;
        const { key, wrong } = keyOf(item);
        lines.push(`${attempt},a${attempt}-${item.id},"${correct ? key : wrong}",${correct ? 'correct' : 'incorrect'}`);
      }
      const score = Math.round((100 * right) / drawn.size);
      let minute = 0;
      for (const line of lines) {
        if (rows >= options.rows) break;
        const [a, id, response, result] = line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
        await write(`learner${String(learner).padStart(6, '0')}@example.com,${a},${id},${response},${result},${score},${new Date(start + learner * 3_600_000 + attempt * 600_000 + (minute += 1) * 30_000).toISOString()}\n`);
        rows += 1;
      }
      if (score >= 80) break;
    }
  }
  out.end();
  await once(out, 'finish');
  return { rows, learners: learner };
}
