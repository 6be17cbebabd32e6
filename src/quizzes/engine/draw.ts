/**
 * Seeded display order and exam draws. Both return AUTHORED references (option indexes, bank items), so storing the
 * seed is enough to show the same thing again, and responses never depend on what order was shown.
 */
import type { Bank, BankItem, Item, ModuleId } from '../schema.ts';
import { kindOf } from './registry.ts';
import { shuffle, subSeed } from './random.ts';
import { range } from './kinds/shared.ts';

/**
 * The display order of an item's options as a permutation of authored indexes: position p shows option
 * `optionOrder(item, seed)[p]`. Follows the kind's shuffle policy: dialogue lines and 对/错 stay in order; ordering
 * steps are never shown already solved.
 */
export function optionOrder(item: Item, seed: number): number[] {
  const kind = kindOf(item);
  const authored = range(kind.optionCount(item));
  if (kind.shuffle === 'none') return authored;
  const order = shuffle(authored, subSeed(seed, item.id));
  if (kind.shuffle === 'not-identity' && order.length > 1 && order.every((v, i) => v === i)) {
    // Happens with chance 1/n!; the reverse is a permutation as far from solved as any (no pair in order).
    return order.reverse();
  }
  return order;
}

export class DrawError extends Error {
  override name = 'DrawError';
}

export interface DrawOptions {
  /** Number of items to draw. */
  readonly size: number;
  /** Items per module. When given, they must add up to `size`; modules not listed get none. */
  readonly quotas?: Readonly<Partial<Record<ModuleId, number>>>;
  readonly seed: number;
  /** Which pool: 'exam' takes items with use exam|both (the default); 'practice' takes practice|both. */
  readonly use?: 'exam' | 'practice';
}

/** Whether an item may appear in a pool: its `use` is the pool or 'both'. */
export function isEligible(item: Pick<Item, 'use'>, use: 'exam' | 'practice'): boolean {
  return item.use === use || item.use === 'both';
}

/** Items eligible for a pool, grouped by module in first-seen (course) order. */
function eligibleByModule(bank: Bank, use: 'exam' | 'practice'): Map<ModuleId, BankItem[]> {
  const groups = new Map<ModuleId, BankItem[]>();
  for (const item of bank.items) {
    if (!isEligible(item, use)) continue;
    const group = groups.get(item.module);
    if (group) group.push(item);
    else groups.set(item.module, [item]);
  }
  return groups;
}

/**
 * Proportional spread with a floor of one per module: every module starts with one item, then each further item goes
 * to the module furthest below its proportional share size·nᵢ/N that still has items left (ties: course order).
 */
export function proportionalQuotas(available: ReadonlyMap<ModuleId, number>, size: number): Map<ModuleId, number> {
  const modules = [...available.keys()];
  const total = [...available.values()].reduce((a, b) => a + b, 0);
  if (size < modules.length) {
    throw new DrawError(`cannot draw ${size} items with at least one from each of ${modules.length} modules`);
  }
  if (size > total) throw new DrawError(`cannot draw ${size} items: only ${total} are eligible`);
  const quotas = new Map(modules.map((m) => [m, 1] as [ModuleId, number]));
  for (let left = size - modules.length; left > 0; left -= 1) {
    let best: ModuleId | undefined;
    let bestDeficit = -Infinity;
    for (const m of modules) {
      const have = quotas.get(m) ?? 0;
      const n = available.get(m) ?? 0;
      if (have >= n) continue;
      const deficit = (size * n) / total - have;
      if (deficit > bestDeficit) {
        best = m;
        bestDeficit = deficit;
      }
    }
    if (best === undefined) break; // unreachable: size ≤ total
    quotas.set(best, (quotas.get(best) ?? 0) + 1);
  }
  return quotas;
}

/**
 * A stratified, seeded exam draw: per-module quotas when given (a module with too few eligible items is an error),
 * else a proportional spread giving every module at least one. Items are picked by a seeded shuffle within each module
 * and the whole draw is then put in a seeded order. Same bank + options → same items in the same order.
 */
export function drawExam(bank: Bank, options: DrawOptions): BankItem[] {
  const { size, seed } = options;
  const use = options.use ?? 'exam';
  if (!Number.isInteger(size) || size < 1) throw new DrawError(`size must be a positive integer, got ${size}`);
  const groups = eligibleByModule(bank, use);

  let quotas: Map<ModuleId, number>;
  if (options.quotas !== undefined) {
    quotas = new Map();
    const problems: string[] = [];
    let sum = 0;
    for (const [module, n] of Object.entries(options.quotas) as [ModuleId, number][]) {
      if (!Number.isInteger(n) || n < 0) {
        problems.push(`quota for ${module} must be a whole number ≥ 0, got ${n}`);
        continue;
      }
      const have = groups.get(module)?.length ?? 0;
      if (n > have) problems.push(`module ${module} has ${have} eligible ${use} items, quota asks for ${n}`);
      sum += n;
      if (n > 0) quotas.set(module, n);
    }
    if (sum !== size) problems.push(`quotas add up to ${sum}, size is ${size}`);
    if (problems.length > 0) throw new DrawError(problems.join('; '));
  } else {
    quotas = proportionalQuotas(new Map([...groups].map(([m, items]) => [m, items.length])), size);
  }

  const drawn: BankItem[] = [];
  for (const [module, n] of quotas) {
    drawn.push(...shuffle(groups.get(module) ?? [], subSeed(seed, module)).slice(0, n));
  }
  return shuffle(drawn, subSeed(seed, 'order'));
}
