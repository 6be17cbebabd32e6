import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { CourseConfigSchema, type CourseConfig } from './schema.ts';
import { formatIssuePath, hrErrorMap } from '../util/zod-issues.ts';

/** Scripts, tests and the Astro build all run from the project root (bundled code has no stable import.meta.url). */
export const projectRoot = process.cwd();
export const defaultConfigPath = path.join(projectRoot, 'course.config.yaml');

/** Thrown for a config file that does not parse or validate; the message names the file and each field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}


export function formatZodIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${file} › ${formatIssuePath(issue.path) || '(root)'}: ${issue.message}`);
}

/** Parse and validate config text; pure, so tests need no disk. `file` is only used in messages. */
export function parseCourseConfig(text: string, file = 'course.config.yaml'): CourseConfig {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new ConfigError(`${file}${line ? `:${line}` : ''}: YAML 语法错误: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  const result = CourseConfigSchema.safeParse(data, { error: hrErrorMap });
  if (!result.success) {
    throw new ConfigError(['课程配置有误:', ...formatZodIssues(file, result.error.issues)].join('\n  '));
  }
  return result.data;
}

export function loadCourseConfig(configPath = process.env.COURSE_CONFIG ?? defaultConfigPath): CourseConfig {
  const shown = path.relative(projectRoot, configPath) || configPath;
  return parseCourseConfig(readFileSync(configPath, 'utf8'), shown);
}
