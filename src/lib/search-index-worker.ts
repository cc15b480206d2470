/**
 * Worker thread of one search-index shard (src/lib/search-index.ts `indexShards`). Each thread loads Pagefind's
 * module afresh, so each shard has a Pagefind process of its own: one process makes its indexes one at a time.
 * Answers every request with `{ ok }`: first when the records are in, then for `make` and `publish`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { indexRecordPages, publishIndex, type RecordShard } from './search-index.ts';

/** Files the browser loads from a merged shard; the script and WebAssembly come from the first shard. */
const SHARD_FILE = /\.pf_(?:fragment|index|filter|meta)$|^pagefind-entry\.json$/;

const port = parentPort!;
const shard = workerData as RecordShard;
const answer = (p: Promise<unknown>) => p.then(() => port.postMessage({ ok: true }), (e: Error) => port.postMessage({ ok: false, message: e.message }));

const indexer = indexRecordPages(shard.dir, shard.pages);
let made: Awaited<ReturnType<Awaited<typeof indexer>['make']>> | undefined;
void answer(indexer);

port.on('message', (m: { kind: 'make' } | { kind: 'publish'; folder: string; runtime: boolean } | { kind: 'close' }) => {
  if (m.kind === 'make') void answer(indexer.then(async (ix) => { made = await ix.make(); }));
  else if (m.kind === 'publish') {
    void answer((async () => {
      if (!made) throw new Error('chỉ mục chưa được tạo');
      publishIndex(m.runtime ? made.files : made.files.filter((f) => SHARD_FILE.test(f.path)), m.folder);
    })());
  } else void indexer.then((ix) => ix.close(), () => {}).finally(() => process.exit(0));
});
