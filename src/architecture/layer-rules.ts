import type { ImportEdge } from './import-graph.ts';

/**
 * The layering rules, as data: each says which files it governs and what they must not do at run time. A
 * violation is reported as `file → target` or `file: text`, so a failing test says exactly what to move.
 */
export interface LayerRule {
  name: string;
  /** The files the rule governs (project-relative paths). */
  appliesTo: RegExp;
  /** Run-time import targets (resolved path or package specifier) the files must not import. */
  forbiddenImports?: RegExp;
  /** Source text (comments removed) the files must not contain. */
  forbiddenText?: RegExp;
  /** Files exempt from the rule, with the reason in the rule's comment. */
  except?: RegExp;
}

export const layerRules: readonly LayerRule[] = [
  {
    // README: "the quiz engine is pure TypeScript (no DOM, no Astro, no stores) with unit tests beside it".
    name: 'quizzes/engine and exam import nothing with DOM, Astro, stores, node: or SCORM',
    appliesTo: /^src\/(quizzes\/engine|exam)\//,
    forbiddenImports: /^(node:|astro|nanostores$|zod$|yaml$)|^src\/(stores|scorm|components|pages|pages-client|layouts|shell|bridge|course|config)\/|\.astro$/,
    forbiddenText: /\b(document|window|localStorage|sessionStorage|navigator)\s*\.|\bfetch\s*\(/,
  },
  {
    name: 'scorm/ never imports components, pages, layouts, stores or the shell',
    appliesTo: /^src\/scorm\//,
    forbiddenImports: /^src\/(components|pages|pages-client|layouts|stores|shell|bridge)\//,
  },
  {
    // SCORM/cmi5 version differences live only inside one driver per version (src/scorm/scorm12/, src/scorm/scorm2004/,
    // src/scorm/cmi5/);
    // everyone else goes through the LmsDriver interface and the profile tables.
    name: 'version-specific code only in the version folders',
    appliesTo: /^src\//,
    // (The rule's own text, in src/architecture/, names what it forbids.)
    except: /^src\/(scorm\/(scorm12|scorm2004|cmi5)|architecture)\//,
    forbiddenText:
      /API_1484_11|\bLMS(Initialize|Finish|GetValue|SetValue|Commit)\b|['"`]cmi\.|[!=]==?\s*['"](1\.2|2004|scorm12|scorm2004|cmi5)['"]|['"](1\.2|2004|scorm12|scorm2004|cmi5)['"]\s*[!=]==?/,
  },
  {
    name: 'pages and components talk to the LMS only through the shell (no driver, no store of the shell)',
    appliesTo: /^src\/(components|pages|pages-client|layouts)\//,
    // (The launch pages include the shell's page component, src/shell/ShellPage.astro; its script is the shell's.)
    forbiddenImports: /^src\/(scorm|stores)\/|^src\/shell\/.*\.ts$/,
  },
  {
    // src/stores/lms-sync.ts is the one module that touches both the stores and the LMS driver.
    name: 'only stores/lms-sync.ts reaches the LMS driver at run time',
    appliesTo: /^src\/(shell|stores|bridge|course|config|rules|quizzes)\//,
    except: /^src\/stores\/lms-sync\.ts$/,
    forbiddenImports: /^src\/scorm\/(runtime|scorm12|scorm2004|cmi5|local)\/|^src\/scorm\/(driver|checked-call|objective-index)\.ts$/,
  },
];

function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function findViolations(
  rule: LayerRule,
  files: readonly string[],
  edges: readonly ImportEdge[],
  read: (file: string) => string,
): string[] {
  const governed = files.filter((file) => rule.appliesTo.test(file) && !(rule.except?.test(file) ?? false));
  const problems: string[] = [];
  for (const file of governed) {
    if (rule.forbiddenImports) {
      for (const edge of edges) {
        if (edge.from !== file || edge.typeOnly) continue;
        const target = edge.to ?? edge.specifier;
        if (rule.forbiddenImports.test(target)) problems.push(`${file} → ${target}`);
      }
    }
    if (rule.forbiddenText) {
      const match = rule.forbiddenText.exec(withoutComments(read(file)));
      if (match) problems.push(`${file}: ${match[0]}`);
    }
  }
  return problems;
}
