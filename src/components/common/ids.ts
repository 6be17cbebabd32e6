/**
 * Per-page id bookkeeping for server-rendered components. Astro gives every page render its own
 * `Astro.locals` object, so keying on it yields ids unique within one page and a check for rules
 * anchored twice on the same page, without false alarms when a lesson is rendered on several pages
 * (e.g. a lesson page and a print-all page). Course-wide uniqueness of `<Rule id>` is tested from
 * the MDX sources (src/rules/anchors.test.ts).
 */

type Scope = object;

const counters = new WeakMap<Scope, Map<string, number>>();
const anchored = new WeakMap<Scope, Set<string>>();
const globalScope: Scope = {};

function scopeOf(scope: unknown): Scope {
  return typeof scope === 'object' && scope !== null ? scope : globalScope;
}

/** `prefix` the first time on a page, then `prefix-2`, `prefix-3` … */
export function uniqueId(scope: unknown, prefix: string): string {
  const key = scopeOf(scope);
  let map = counters.get(key);
  if (!map) {
    map = new Map();
    counters.set(key, map);
  }
  const n = (map.get(prefix) ?? 0) + 1;
  map.set(prefix, n);
  return n === 1 ? prefix : `${prefix}-${n}`;
}

/** Records that `ruleId` is anchored on this page; throws if it already was. */
export function claimRuleAnchor(scope: unknown, ruleId: string, page: string): void {
  const key = scopeOf(scope);
  if (key === globalScope) return; // no page scope: cannot tell pages apart, so do not guess
  let set = anchored.get(key);
  if (!set) {
    set = new Set();
    anchored.set(key, set);
  }
  if (set.has(ruleId)) {
    throw new Error(`<Rule id="${ruleId}"> is used twice on ${page}: each rule is anchored by exactly one <Rule>.`);
  }
  set.add(ruleId);
}
