// Inline SVG figures for lessons; wrap each in <Figure caption="…"> from ../lesson/index.ts.
export { default as StandingPosture } from './StandingPosture.astro';
export { default as HandingDocument } from './HandingDocument.astro';
export { default as HandingPen } from './HandingPen.astro';
export { default as HandingScissors } from './HandingScissors.astro';
export { default as SeeingOff } from './SeeingOff.astro';
export { default as PhoneThreeRings } from './PhoneThreeRings.astro';
