/** Worker thread of {@link parseSource} (parse-pool.ts): parses the files it is asked for. */
import { serve } from '../workers/rpc.ts';
import type { ParseResult } from './parse.ts';
import { parseFile } from './parse-file.ts';

export type ParseProtocol = { parse: { params: string; result: ParseResult } };

serve<ParseProtocol>({ parse: (file) => parseFile(file) });
