/**
 * Worker thread of one search-index shard (src/search/pagefind-index.ts `indexShards`). Each thread loads Pagefind's
 * module afresh, so each shard has a Pagefind process of its own: one process makes its indexes one at a time.
 * Answers every request with `{ ok }`: first when the records are in, then for `make` and `publish`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexDataOnly, indexRecordPages, publishIndex, type PagefindFile, type RecordShard } from './pagefind-index.ts';

const port = parentPort!;
const shard = workerData as RecordShard;
const answer = (p: Promise<unknown>) => p.then(() => port.postMessage({ ok: true }), (e: Error) => port.postMessage({ ok: false, message: e.message }));

const indexer = indexRecordPages(shard.dir, shard.pages);
let made: PagefindFile[] | undefined;
void answer(indexer);

port.on('message', (m: { kind: 'make' } | { kind: 'publish'; folder: string; runtime: boolean } | { kind: 'close' }) => {
  if (m.kind === 'make') void answer(indexer.then(async (ix) => { made = await ix.make(); }));
  else if (m.kind === 'publish') {
    void answer((async () => {
      if (!made) throw new Error('chỉ mục chưa được tạo');
      publishIndex(m.runtime ? made : indexDataOnly(made), m.folder);
    })());
  } else void indexer.then((ix) => ix.close(), () => {}).finally(() => process.exit(0));
});
