/**
 * Worker thread of one search-index shard (src/search/pagefind-index.ts `indexShards`). Each thread loads Pagefind's
 * module afresh, so each shard has a Pagefind process of its own: one process makes its indexes one at a time.
 * Requests: `added` (answered once the shard's record pages are in), `make`, `publish`, `close`.
 */
import { workerData } from 'node:worker_threads';
import { serve } from '../workers/rpc.ts';
import { indexDataOnly, indexRecordPages, publishIndex, type PagefindFile, type RecordShard } from './pagefind-index.ts';

export type ShardProtocol = {
  added: { params: null; result: null };
  make: { params: null; result: null };
  publish: { params: { folder: string; runtime: boolean; live?: string | undefined }; result: null };
  close: { params: null; result: null };
};

const shard = workerData as RecordShard;
const indexer = indexRecordPages(shard.dir, shard.pages);
indexer.catch(() => {}); // answered to whoever asks: `added` first
let made: PagefindFile[] | undefined;

serve<ShardProtocol>({
  added: async () => {
    await indexer;
    return null;
  },
  make: async () => {
    made = await (await indexer).make();
    return null;
  },
  publish: ({ folder, runtime, live }) => {
    if (!made) throw new Error('chỉ mục chưa được tạo');
    publishIndex(runtime ? made : indexDataOnly(made), folder, live);
    return null;
  },
  close: async () => {
    await indexer.then(
      (ix) => ix.close(),
      () => {},
    );
    return null;
  },
});
