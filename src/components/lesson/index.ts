// Author components for lessons (src/modules/*.mdx). Import from here:
//   import { Rule, DoDont, Do, Dont } from '../components/lesson/index.ts';
export { default as Rule } from './Rule.astro';
export { default as DoDont } from './DoDont.astro';
export { default as Do } from './Do.astro';
export { default as Dont } from './Dont.astro';
export { default as Dialogue } from './Dialogue.astro';
export { default as Line } from './Line.astro';
export { default as Scenario } from './Scenario.astro';
export { default as Advice } from './Advice.astro';
export { default as Figure } from './Figure.astro';
export { default as Term } from './Term.astro';
export { default as KnowledgeCheck } from './KnowledgeCheck.astro';
export { default as TryReply } from './TryReply.astro';
export { default as IncompleteMaterialsModel } from './IncompleteMaterialsModel.astro';
