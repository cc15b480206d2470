/** Write the Pagefind index for a library into `<outDir>/pagefind`, from the content itself. */
import path from 'node:path';
import * as pagefind from 'pagefind';
import { docType } from './doc-types.ts';
import { directiveId } from './ids.ts';
import type { Registry } from './schema.ts';
import { searchRecordHtml } from './search-record.ts';
import type { LoadedDirective } from './validate.ts';

export interface IndexResult { pages: number; outputPath: string }

export async function writeSearchIndex(opts: { directives: LoadedDirective[]; registry: Registry; outDir: string }): Promise<IndexResult> {
  const issuers = new Map(opts.registry.issuers.map((i) => [i.id, i]));
  const provinces = new Map(opts.registry.provinces.map((p) => [p.id, p]));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`Pagefind không khởi tạo được: ${errors.join('; ')}`);
  try {
    for (const d of opts.directives) {
      const issuer = issuers.get(d.data.issuer)!;
      const res = await index.addHTMLFile({
        // Without the base: Pagefind prefixes result URLs with the folder it is served from.
        url: `/van-ban/${directiveId(d.data)}/`,
        content: searchRecordHtml({
          data: d.data,
          body: d.body,
          issuerName: issuer.name,
          provinceName: issuer.province ? provinces.get(issuer.province)?.name : undefined,
          typeName: docType(d.data.type)?.name ?? d.data.type,
        }),
      });
      if (res.errors.length) throw new Error(`${d.file}: ${res.errors.join('; ')}`);
    }
    const outputPath = path.join(opts.outDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind không ghi được chỉ mục: ${written.errors.join('; ')}`);
    return { pages: opts.directives.length, outputPath };
  } finally {
    await pagefind.close();
  }
}
