import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { directiveId } from './lib/ids.ts';
import { directiveSchema } from './lib/schema.ts';

const contentDir = process.env.CONTENT_DIR ?? 'content';

/** YAML may give `issued` as a Date; ids use the ISO day. */
const isoDay = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));

export const collections = {
  directives: defineCollection({
    loader: glob({
      pattern: '**/*.md',
      base: `${contentDir}/directives`,
      // The entry id is the directive's own id (issuer + date + number), never its file name.
      generateId: ({ data }) => directiveId({ issuer: String(data['issuer']), number: String(data['number']), issued: isoDay(data['issued']) }),
      // The site renders entries; the raw body is only read by the search indexer, from the files.
      retainBody: false,
    }),
    schema: directiveSchema,
  }),
};
