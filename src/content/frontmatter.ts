/**
 * Reading and writing frontmatter outside Astro. YAML is parsed with the core schema so that
 * `issued: 2021-02-30` stays a string we can check, instead of silently becoming 2 March.
 */
import matter from 'gray-matter';
import * as yaml from 'js-yaml';

export interface ParsedFile {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line where the body starts. */ bodyLine: number;
}

export class FrontmatterError extends Error {
  readonly line: number | null;
  constructor(message: string, line: number | null) {
    super(message);
    this.line = line;
  }
}

const engines = {
  yaml: {
    parse: (s: string) => (yaml.load(s, { schema: yaml.CORE_SCHEMA }) ?? {}) as object,
    stringify: (o: object) => yaml.dump(o, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"' }),
  },
};

export function parseFrontmatter(text: string): ParsedFile {
  if (!/^(\uFEFF)?---\r?\n/.test(text)) {
    throw new FrontmatterError('tệp không bắt đầu bằng phần khai báo YAML (dòng "---")', 1);
  }
  try {
    // An empty options object would make gray-matter reuse its cache across files with equal text; pass engines each time.
    const f = matter(text, { engines });
    const data = f.data as unknown;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new FrontmatterError('phần khai báo YAML phải là các cặp khóa: giá trị', 2);
    }
    const headerLines = text.slice(0, text.length - f.content.length).split('\n').length;
    return { data: data as Record<string, unknown>, body: f.content, bodyLine: headerLines };
  } catch (e) {
    if (e instanceof FrontmatterError) throw e;
    if (e instanceof yaml.YAMLException) {
      // gray-matter hands the YAML block over with the newline after the opening `---`, so the
      // 0-based mark.line counts from the `---` line (file line 1): file line = mark.line + 1.
      const line = e.mark ? e.mark.line + 1 : null;
      throw new FrontmatterError(`YAML sai cú pháp: ${e.reason}`, line);
    }
    throw new FrontmatterError(`không đọc được YAML: ${(e as Error).message}`, null);
  }
}

export function stringifyFrontmatter(data: object, body: string): string {
  return `---\n${engines.yaml.stringify(data)}---\n\n${body.replace(/^\n+/, '')}`;
}
