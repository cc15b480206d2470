/**
 * Import one raw text the way `npm run import` does, without writing: parse, resolve the issuer against a
 * registry that grows, run the checks `npm run validate` makes, and the "nothing lost" check.
 */
import { expect } from 'vitest';
import { unaccountedLines } from '../../src/importer/coverage.ts';
import { buildDirective, issuerTexts, parseDirective, type ParseOptions } from '../../src/importer/parse.ts';
import { directiveSchema, type Registry } from '../../src/model/schema.ts';
import { checkDirective } from '../../src/content/library.ts';

export const freshRegistry = (): Registry => ({ provinces: [], issuers: [] });

export function importText(input: Buffer | string, registry: Registry, opts: ParseOptions = {}) {
  const parsed = parseDirective(input, opts);
  if (!parsed.ok) throw new Error(parsed.reason);
  const built = buildDirective(parsed.doc, registry);
  if (!built.ok) throw new Error(built.reason);
  const b = built.built;
  registry.provinces.push(...b.additions.provinces);
  registry.issuers.push(...b.additions.issuers);
  const schema = directiveSchema.safeParse(b.data);
  expect(schema.success, JSON.stringify(!schema.success && schema.error.issues)).toBe(true);
  expect(checkDirective(schema.data!, new Map(registry.issuers.map((i) => [i.id, i])))).toEqual([]);
  const texts = [b.issuer, ...b.coIssuers].flatMap((i) => issuerTexts(i, registry.issuers));
  const lost = unaccountedLines({
    lines: parsed.doc.lines,
    data: b.data as Record<string, unknown>,
    body: b.body,
    issuerTexts: texts,
    skipped: parsed.doc.skippedLines,
    named: [...parsed.doc.warnings, ...b.guesses],
  });
  return {
    doc: parsed.doc,
    data: b.data,
    body: b.body,
    issuer: b.issuer,
    coIssuers: b.coIssuers,
    lost,
    notes: { ...parsed.doc.notes, guesses: [...parsed.doc.notes.guesses, ...b.guesses] },
    warnings: parsed.doc.warnings,
  };
}

/** The reason a text is refused (fails the test when it is not). */
export function refusal(input: string, opts: ParseOptions = {}): { reason: string; line: number | undefined } {
  const parsed = parseDirective(input, opts);
  if (parsed.ok) throw new Error(`imported, expected a refusal: ${parsed.doc.number.raw}`);
  return { reason: parsed.reason, line: parsed.line };
}
