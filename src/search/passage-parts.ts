/**
 * A directive's body as the parts its result passages are picked from (src/search/passage.ts): the text block by
 * block, each with the anchor of the part it lies in and where that is. Made when the search record is made.
 */
import { markdownBlocks, readBlocks, type Part } from '../model/structure.ts';
import type { PassageParts } from './passage.ts';

/** Where a part lies, as a citation names it, smallest first: `điểm a khoản 1 Mục II`. */
const where = (path: readonly Part[]) =>
  path
    .map((p) => p.label)
    .reverse()
    .join(' ');

/** A body's Markdown as the record's passage parts. */
export function passageParts(md: string): PassageParts {
  const blocks = markdownBlocks(md);
  const { starts } = readBlocks(blocks);
  const out: PassageParts = [];
  const path: Part[] = [];
  blocks.forEach((b, i) => {
    const part = starts[i];
    if (part) {
      path.length = Math.min(path.length, part.depth);
      path.push(part);
    }
    const last = out.at(-1);
    const id = path.at(-1)?.id ?? '';
    if (last && last[0] === id) last[2] += `\n${b.text}`;
    else out.push([id, where(path), b.text]);
  });
  return out;
}
