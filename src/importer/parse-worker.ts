/** Worker thread of {@link parseSource} (parse-pool.ts): parses the files it is sent, one message per file. */
import { parentPort } from 'node:worker_threads';
import { parseFile } from './parse-file.ts';

parentPort!.on('message', ({ id, file }: { id: number; file: string }) => {
  try {
    parentPort!.postMessage({ id, result: parseFile(file) });
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message });
  }
});
