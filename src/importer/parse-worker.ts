/** Worker thread of {@link parseSource} (parse-pool.ts): parses the files it is asked for. */
import { serve } from '../workers/rpc.ts';
import type { ExtractOptions } from './extract/extract.ts';
import { closeOcr } from './extract/ocr.ts';
import type { ParseResult } from './parse.ts';
import { parseFile } from './parse-file.ts';

export type ParseProtocol = {
  parse: { params: { file: string; opts: ExtractOptions }; result: ParseResult };
  done: { params: null; result: null };
};

serve<ParseProtocol>({
  parse: ({ file, opts }) => parseFile(file, opts),
  done: async () => {
    await closeOcr();
    return null;
  },
});
