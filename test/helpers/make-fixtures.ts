/**
 * Regenerates the encoded and binary fixtures under test/fixtures/raw/ from the UTF-8 ones, with the same
 * tables the importer decodes with: `node test/helpers/make-fixtures.ts`. The outputs are committed so tests
 * read real bytes; the transforms are also exported for tests that build variants on the fly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodeTcvn3, encodeVni } from '../../src/importer/encodings.ts';

export const RAW = path.resolve(import.meta.dirname, '../fixtures/raw');

export const toTcvn3 = (text: string) => Buffer.from(encodeTcvn3(text), 'latin1');
export const toVni = (text: string) => Buffer.from(encodeVni(text), 'latin1');
export const toCrlfBom = (text: string) => Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'utf8');
/** Decomposed marks, NBSP between some words, trailing spaces, tabs: what some editors and web copies produce. */
export const toNfdOddSpacing = (text: string) =>
  Buffer.from(
    text
      .normalize('NFD')
      .replace(/ (ngày|tháng|năm) /g, '\u00A0$1\u00A0')
      .replace(/\n/g, '  \n')
      .replace(/^(\d+)\. /gm, '$1.\t'),
    'utf8',
  );
export const toUtf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const read = (p: string) => fs.readFileSync(path.join(RAW, p), 'utf8');

export function makeFixtures(): void {
  const enc = path.join(RAW, 'encoded');
  fs.mkdirSync(enc, { recursive: true });
  const write = (name: string, buf: Buffer) => fs.writeFileSync(path.join(enc, name), buf);
  write('cong-van-bac-ninh.tcvn3.txt', toTcvn3(read('party/cong-van-bac-ninh.txt')));
  write('cong-van-bac-ninh.vni.txt', toVni(read('party/cong-van-bac-ninh.txt')));
  write('huong-dan-so-gd-thanh-hoa.vni.txt', toVni(read('state/huong-dan-so-gd-thanh-hoa.txt')));
  // TCVN3 bytes that someone opened as Latin-1 and saved as UTF-8.
  write('chi-thi-nam-dinh.tcvn3-saved-as-utf8.txt', Buffer.from(encodeTcvn3(read('party/chi-thi-nam-dinh.txt')), 'utf8'));
  write('ke-hoach-ha-tinh.crlf-bom.txt', toCrlfBom(read('party/ke-hoach-ha-tinh.txt')));
  write('nghi-quyet-quang-nam.nfd.txt', toNfdOddSpacing(read('party/nghi-quyet-quang-nam.txt')));
  write('thong-bao-yen-son.utf16le.txt', toUtf16le(read('party/thong-bao-yen-son.txt')));

  const bad = path.join(RAW, 'not-directive');
  fs.writeFileSync(
    path.join(bad, 'binary.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  fs.writeFileSync(
    path.join(bad, 'scan.pdf.txt'),
    Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
  );
  fs.writeFileSync(
    path.join(bad, 'latin1-french.txt'),
    Buffer.from('Compte rendu de la réunion du comité: été, très intéressé, déjà vu, où, ça.\n', 'latin1'),
  );
  // Half converted: Unicode header, TCVN3 body (as Latin-1 look-alikes).
  const half = read('party/cong-van-bac-ninh.txt').split('\n');
  fs.writeFileSync(
    path.join(bad, 'mixed-unicode-tcvn3.txt'),
    [...half.slice(0, 12), ...half.slice(12).map(encodeTcvn3)].join('\n'),
    'utf8',
  );
}

if (import.meta.main) makeFixtures();
