import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { LessonFrontmatterSchema } from './course/lesson-schema.ts';

/** One MDX lesson per section of the standard: src/modules/NN-slug.mdx. */
const modules = defineCollection({
  loader: glob({ pattern: '[0-9][0-9]-*.mdx', base: './src/modules' }),
  schema: LessonFrontmatterSchema,
});

export const collections = { modules };
