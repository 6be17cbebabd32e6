import { createHmac } from 'node:crypto';
import type { MappedItem } from './item-map.ts';
import type { AnalyzeOptions, DistractorTable, Report } from './report-model.ts';
import { codesOf, optionIndex } from './responses.ts';

/** How a learner and a response are shown in the report: pseudonyms and response labels. */

export function pseudonym(key: string, salt: string): string {
  return `学员-${createHmac('sha256', salt).update(key).digest('hex').slice(0, 8).toUpperCase()}`;
}

export function distractorMode(type: string): DistractorTable['mode'] {
  if (type === 'multiple' || type === 'spotting') return 'mark';
  if (type === 'matching' || type === 'ordering') return 'pattern';
  return 'option';
}

/** A label for a response code, from the item map's right answer and the course's 1.2 response format. */
export function responseLabel(item: MappedItem, code: string, key: string, options?: readonly string[]): string {
  if (code === '') return '（未作答）';
  if (item.type === 'truefalse') return code === 't' ? '对' : code === 'f' ? '错' : code;
  const keyCodes = codesOf(key).sort((a, b) => optionIndex(a) - optionIndex(b));
  const text = options?.[optionIndex(code)];
  if (item.type === 'single') return code === key ? item.correct : text ? `${text}（干扰项）` : `选项 ${code}（干扰项）`;
  if (item.type === 'multiple' || item.type === 'spotting') {
    const texts = item.correct.split('；');
    const at = keyCodes.indexOf(code);
    const noun = item.type === 'spotting' ? `第 ${optionIndex(code) + 1} 句` : `选项 ${code}`;
    if (at >= 0) return texts.length === keyCodes.length ? texts[at]! : (text ?? `${noun}（正确项）`);
    if (text) return item.type === 'spotting' ? `${text}（没有违规）` : `${text}（干扰项）`;
    return item.type === 'spotting' ? `${noun}（没有违规）` : `${noun}（干扰项）`;
  }
  return code === key ? `${code}（正确）` : code;
}

/** What the report says about the personal data in it. */
export function privacyOf(pseudo: AnalyzeOptions['pseudonymize']): Report['privacy'] {
  return {
    pseudonymized: pseudo !== undefined,
    defaultSalt: pseudo?.defaultSalt ?? false,
    statement: pseudo
      ? `本报告已化名：学员姓名和邮箱换成了 “学员-XXXXXXXX” 形式的化名（同一学员、同一密钥总得到同一化名）。报告仍含每名化名学员的成绩、各单元掌握情况和需复习的条款。${pseudo.defaultSalt ? '注意：这次没有指定 --salt，使用的是公开的默认密钥，知道学员邮箱的人可以推算出化名对应谁；对外提供前请用 --salt 指定只有 HR 知道的密钥。' : '化名用 HR 指定的密钥生成，不知道密钥无法从邮箱推算出化名。'}`
      : '本报告含个人信息：学员姓名、邮箱（report.json 和 CSV）、成绩、各单元掌握情况、需复习的条款。请按单位的个人信息管理规定保存和传阅；对外提供时请加 --pseudonymize 生成化名版本。',
  };
}
