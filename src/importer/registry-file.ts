/**
 * Adding provinces and issuers to the registry file (`issuers.yaml`) in place, with the `yaml` package's Document
 * API: the editor's comments, blank lines, quoting and key order stay, a byte-order mark and CRLF line endings too;
 * new entries take the style of the entries before them.
 */
import * as jsYaml from 'js-yaml';
import { isCollection, isMap, isScalar, isSeq, parseDocument, type YAMLMap, YAMLSeq, type Document } from 'yaml';
import { registrySchema, type Issuer, type Province, type Registry } from '../model/schema.ts';

const HEAD =
  '# Issuing bodies and provinces. Ids are stable ASCII and never change once used:\n' +
  '# an issuer is an organisation of its time (provinces and boards merged in 2025 keep their old ids).\n';

/** A new registry file. */
export const EMPTY_REGISTRY = `${HEAD}provinces: []\n\nissuers: []\n`;

const TO_STRING = { lineWidth: 0, indentSeq: true, flowCollectionPadding: false } as const;

/** Append `items` to the list under `key`, each a block map like its neighbours, with string lists in flow style. */
function append(doc: Document, key: 'provinces' | 'issuers', items: readonly object[]): void {
  if (!items.length) return;
  let seq = doc.get(key, true);
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    doc.set(key, seq);
  }
  const list = seq as YAMLSeq;
  // An empty `[]` becomes a block list once it has entries.
  if (!list.items.length) list.flow = false;
  const previous = list.items.at(-1);
  const flowEntries = isMap(previous) && previous.flow;
  for (const item of items) {
    const node = doc.createNode(item) as YAMLMap;
    node.flow = !!flowEntries;
    for (const pair of node.items) if (isSeq(pair.value)) pair.value.flow = true;
    list.items.push(node);
  }
}

/**
 * `provinces: # comment` is read with the comment on the list, and would be written back on a line of its own:
 * put a comment that stood on the key's line back there.
 */
function keepKeyLineComments(doc: Document, source: string): void {
  if (!isMap(doc.contents)) return;
  for (const pair of doc.contents.items) {
    const { key, value } = pair;
    if (!isScalar(key) || !isCollection(value) || !value.commentBefore || !key.range) continue;
    const lineEnd = source.indexOf('\n', key.range[1]);
    const rest = source.slice(key.range[1], lineEnd < 0 ? undefined : lineEnd);
    if (!/^\s*:\s*#/.test(rest)) continue;
    const [first, ...others] = value.commentBefore.split('\n');
    key.comment = first ?? null;
    value.commentBefore = others.length ? others.join('\n') : null;
  }
}

/**
 * The registry text with the additions: `existing` edited in place (null or blank: a new file). Throws when the
 * existing text does not parse or the result would not read back as exactly the merged registry.
 */
export function registryText(existing: string | null, before: Registry, add: { provinces: Province[]; issuers: Issuer[] }): string {
  const merged: Registry = { provinces: [...before.provinces, ...add.provinces], issuers: [...before.issuers, ...add.issuers] };
  const source = existing?.trim() ? existing : EMPTY_REGISTRY;
  const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
  const crlf = /\r\n/.test(source);
  const doc = parseDocument(source.slice(bom.length).replace(/\r\n/g, '\n'));
  if (doc.errors.length) throw new Error(`issuers.yaml không đọc được: ${doc.errors[0]!.message}`);
  if (!isMap(doc.contents)) throw new Error('issuers.yaml phải có các khóa provinces và issuers');
  keepKeyLineComments(doc, source.slice(bom.length).replace(/\r\n/g, '\n'));
  append(doc, 'provinces', add.provinces);
  append(doc, 'issuers', add.issuers);
  let text = doc.toString(TO_STRING);
  const check = registrySchema.parse(jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) ?? {});
  if (JSON.stringify(check) !== JSON.stringify(registrySchema.parse(merged)))
    throw new Error('issuers.yaml sau khi thêm không khớp với sổ đăng ký cần ghi');
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return bom + text;
}
