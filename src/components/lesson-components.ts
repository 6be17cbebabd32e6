import * as authorComponents from './lesson/index.ts';
import * as figures from './figures/index.ts';

/**
 * The components an MDX lesson may use without importing them: the lesson page passes this map to the lesson's
 * <Content components={…}>, so lessons stay prose plus components (no imports, no logic).
 */
export const lessonComponents = { ...authorComponents, ...figures };
