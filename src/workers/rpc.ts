/**
 * The one protocol between the project's threads and the workers they start (the build's library pass, the search
 * index shards, the importer's parsers): requests `{ id, method, params }`, each answered once by `{ id, result }`
 * or `{ id, error }`, in whatever order the worker finishes them. A worker that fails or exits rejects every request
 * still waiting, so no caller hangs. A protocol is a type mapping method names to their params and results:
 *
 *   type Parse = { parse: { params: string; result: ParseResult } };
 *   const w = startWorker<Parse>(new URL('./parse-worker.ts', import.meta.url));   // main thread
 *   serve<Parse>({ parse: ({ file, opts }) => parseFile(file, opts) });              // worker thread
 */
import { parentPort, Worker, type WorkerOptions } from 'node:worker_threads';

export type Protocol = Record<string, { params: unknown; result: unknown }>;

type Request = { id: number; method: string; params: unknown };
type Reply = { id: number; result: unknown } | { id: number; error: string };

export interface WorkerClient<P extends Protocol> {
  call<M extends keyof P & string>(method: M, params: P[M]['params']): Promise<P[M]['result']>;
  /** Stop the worker; requests still waiting are rejected. */
  close(): Promise<void>;
}

export function startWorker<P extends Protocol>(url: URL, options: WorkerOptions = {}): WorkerClient<P> {
  const worker = new Worker(url, options);
  const waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  let next = 0;
  const fail = (e: Error) => {
    failure ??= e;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if ('error' in m) w.reject(new Error(m.error));
    else w.resolve(m.result);
  });
  worker.on('error', fail);
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', (code) => {
      fail(new Error(`luồng xử lý đã dừng (mã ${code})`));
      resolve();
    }),
  );
  return {
    call(method, params) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
        worker.postMessage({ id, method, params } satisfies Request);
      });
    },
    async close() {
      await worker.terminate();
      await exited;
    },
  };
}

type Handlers<P extends Protocol> = { [M in keyof P]: (params: P[M]['params']) => P[M]['result'] | Promise<P[M]['result']> };

/** In a worker thread: answer each request with its handler's result, or its error's message. */
export function serve<P extends Protocol>(handlers: Handlers<P>): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread');
  port.on('message', ({ id, method, params }: Request) => {
    const handler = handlers[method as keyof P];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`không có yêu cầu "${method}"`);
        return handler(params as never);
      })
      .then(
        (result) => port.postMessage({ id, result } satisfies Reply),
        (e: Error) => port.postMessage({ id, error: e?.message ?? String(e) } satisfies Reply),
      );
  });
}

/**
 * A promise awaited later (after other work), marked as handled now: its rejection is taken where it is awaited,
 * and never surfaces as unhandled in between.
 */
export function later<T>(p: Promise<T>): Promise<T> {
  p.catch(() => {});
  return p;
}
