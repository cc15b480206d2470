/**
 * The content collections, both filled from one pass over the library (src/build/content-loaders.ts): the directives
 * and the library entry (registry and citation graph).
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { directivesLoader, libraryLoader } from './build/content-loaders.ts';
import type { GraphJson } from './model/crossref.ts';
import type { DirectiveStatus } from './model/status.ts';
import { directiveSchema, registrySchema } from './model/schema.ts';

export const collections = {
  directives: defineCollection({ loader: directivesLoader(), schema: directiveSchema }),
  library: defineCollection({
    loader: libraryLoader(),
    schema: z.object({
      registry: registrySchema,
      graph: z.custom<GraphJson>(),
      searchShards: z.number(),
      statuses: z.custom<Record<string, DirectiveStatus>>(),
    }),
  }),
};
