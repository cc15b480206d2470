import path from 'node:path';

/** A problem found in content, reported to an editor as `file:line  field: message`. */
export interface Problem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
  severity?: 'error' | 'warning';
}

export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const rel = path.relative(cwd, p.file) || p.file;
  const where = p.line ? `${rel}:${p.line}` : rel;
  const tag = p.severity === 'warning' ? 'cảnh báo' : 'lỗi';
  return `${where}  [${tag}]${p.field ? ` ${p.field}:` : ''} ${p.message}`;
}

/** zod's built-in messages that are not ours come in English; editors read Vietnamese. */
export function translateZodMessage(issue: { code: string; message: string; keys?: string[]; expected?: string }): string {
  if (issue.code === 'unrecognized_keys')
    return `khóa không được hỗ trợ: ${(issue.keys ?? []).join(', ')} (xem README để biết các khóa hợp lệ)`;
  if (issue.code === 'invalid_type' && /^Invalid input/.test(issue.message))
    return `kiểu dữ liệu không đúng (cần ${issue.expected === 'array' ? 'danh sách' : issue.expected === 'object' ? 'nhóm khóa' : 'chuỗi'})`;
  return issue.message;
}
