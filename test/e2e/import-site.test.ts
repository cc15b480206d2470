/**
 * The importer end to end: raw seeds into an empty content folder, validated, built, and found on
 * the site; re-import skips; --force replaces but keeps what editors added; a bad file fails alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../../tools/browser.ts';
import { buildSite, makeTempDir, REPO_ROOT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../../tools/static-server.ts';

const SEEDS = path.join(REPO_ROOT, 'content/sources');

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

let content: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  content = path.join(makeTempDir('vanban-import-'), 'content');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('seeds import into an empty folder, validate, build and are found by search', async () => {
  const imp = run('src/cli/import.ts', ['--init', '--out', content, SEEDS]);
  expect(imp.code, imp.out).toBe(0);
  expect(imp.out).toMatch(/Đã nhập 2, bỏ qua 0, lỗi 0/);
  expect(fs.readdirSync(path.join(content, 'directives')).sort()).toEqual(
    fs.readdirSync(path.join(REPO_ROOT, 'content/directives')).sort(),
  );
  const val = run('src/cli/validate.ts', [], { CONTENT_DIR: content });
  expect(val.code, val.out).toBe(0);

  const { outDir } = await buildSite({ contentDir: content });
  server = await serveStatic(outDir);
  const page = await browser.newPage();
  await page.goto(`${server.url}tim-kiem/?q=${encodeURIComponent('234/BDVTU')}`);
  await page.waitForSelector('#search-results li a');
  await page.click('#search-results li a');
  await page.waitForURL(/234-cv-bdvtu\/$/);
  expect(await page.textContent('.meta-panel [data-field="issuer"]')).toBe('Ban Dân vận Tỉnh ủy Tuyên Quang');
  expect(await page.textContent('.meta-panel [data-field="province"]')).toBe('Tuyên Quang');
  expect(await page.textContent('.meta-panel [data-field="signer"]')).toBe('Vương Thúy Hằng, Phó Trưởng ban (K/T Trưởng ban)');
  await page.close();
});

test('re-importing skips and says so; --force replaces but keeps topics an editor added', () => {
  const again = run('src/cli/import.ts', ['--out', content, SEEDS]);
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/Đã nhập 0, bỏ qua 2/);
  expect(again.out).toContain('dùng --force để thay');

  const file = path.join(content, 'directives', 'ban-dan-van-tinh-uy-tuyen-quang--2021-09-07-234-cv-bdvtu.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^source:/m, 'topics:\n  - phòng, chống dịch Covid-19\nsource:'));
  const forced = run('src/cli/import.ts', ['--out', content, '--force', SEEDS]);
  expect(forced.code, forced.out).toBe(0);
  expect(fs.readFileSync(file, 'utf8')).toMatch(/topics:\n {2}- phòng, chống dịch Covid-19/);
  expect(run('src/cli/validate.ts', [], { CONTENT_DIR: content }).code).toBe(0);
});

test('a file that is not a directive fails alone, with its name and no stack trace', () => {
  const dir = makeTempDir('vanban-mixed-');
  fs.copyFileSync(path.join(SEEDS, '003_3924e64127cca43e.txt'), path.join(dir, 'tot.txt'));
  fs.writeFileSync(path.join(dir, 'thu-moi.txt'), 'Kính mời các đồng chí dự họp vào sáng thứ Hai.\n');
  const out = path.join(makeTempDir('vanban-mixed-out-'), 'content');
  const r = run('src/cli/import.ts', ['--init', '--out', out, dir]);
  expect(r.code).toBe(1);
  expect(r.out).toContain('thu-moi.txt');
  expect(r.out).toMatch(/Đã nhập 1, bỏ qua 0, lỗi 1/);
  expect(r.out).not.toMatch(/\n\s+at /);
  expect(fs.readdirSync(path.join(out, 'directives'))).toEqual([
    'dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre--2022-03-07-554-cv-duk.md',
  ]);
});

test('copies as they come from portals import, build and read as a reader expects', async () => {
  const dir = path.join(REPO_ROOT, 'test/fixtures/raw/real-shapes');
  const out = path.join(makeTempDir('vanban-real-shapes-'), 'content');
  const imp = run('src/cli/import.ts', ['--init', '--out', out, '--json', dir]);
  expect(imp.code, imp.out).toBe(0);
  const report = JSON.parse(imp.out.slice(imp.out.indexOf('{'))) as {
    files: { file: string; status: string; notes?: { skipped: { kind: string }[]; fromMetadata: string[]; repairs: string[] } }[];
  };
  const byName = (n: string) => report.files.find((f) => f.file.endsWith(n))!;
  expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
  // The report says what it skipped, what it took from outside the print, and what it repaired.
  expect(byName('portal-ke-hoach-quang-binh.txt').notes!.skipped.map((s) => s.kind)).toEqual([
    'chrome',
    'chrome',
    'chrome',
    'page-title',
    'metadata',
  ]);
  expect(byName('republished-chi-thi-hoa-binh.txt').notes!.fromMetadata.join(' ')).toMatch(/republished-chi-thi-hoa-binh\.meta\.yaml/);
  expect(byName('doan-huong-dan-mot-dong.txt').notes!.repairs.join(' ')).toMatch(/một dòng/);
  expect(run('src/cli/validate.ts', [], { CONTENT_DIR: out }).code).toBe(0);

  const { outDir } = await buildSite({ contentDir: out });
  const site = await serveStatic(outDir);
  const page = await browser.newPage();
  try {
    // A subject printed in capitals reads in sentence case in lists and on its page; the print stays in the file.
    await page.goto(`${site.url}loai/ke-hoach/`);
    const titles = await page.locator('.doc-list__title').allTextContents();
    expect(titles).toContain('Tổ chức tháng hành động vì an toàn thực phẩm năm 2023 trên địa bàn tỉnh Quảng Bình');
    // A joint document is listed under both bodies and names both.
    for (const id of ['uy-ban-nhan-dan-tinh-gia-lai', 'uy-ban-mat-tran-to-quoc-viet-nam-tinh-gia-lai']) {
      await page.goto(`${site.url}co-quan/${id}/`);
      expect(await page.locator('.doc-list__title').allTextContents()).toContain(
        'Phối hợp thực hiện cuộc vận động toàn dân đoàn kết xây dựng nông thôn mới',
      );
    }
    await page.click('.doc-list__title');
    expect(await page.textContent('.meta-panel [data-field="issuer"]')).toBe(
      'Ủy ban nhân dân tỉnh Gia Lai; Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai',
    );
    expect(await page.locator('.formal__issuer p').allTextContents()).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH GIA LAI',
      'ỦY BAN MTTQ VIỆT NAM',
      'TỈNH GIA LAI',
      '*',
      'Số: 03/KHPH/UBND-UBMTTQ',
    ]);
    // The Đoàn's document carries the Đoàn's title line, and its number as printed beside the canonical one.
    await page.goto(`${site.url}van-ban/ban-bi-thu-trung-uong-doan-tncs-ho-chi-minh/2022-03-20-120-hd-twdtn-btg/`);
    expect(await page.textContent('.formal__motto-main')).toBe('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(await page.textContent('.meta-panel [data-field="number"]')).toBe('120-HD/TWĐTN-BTG');
    expect(await page.textContent('.meta-panel [data-field="number-printed"]')).toBe('120 - HD/TWĐTN-BTG');
    expect(await page.textContent('.formal__signer-name')).toBe('Nguyễn Minh Triết');
    // A document issued with the decision follows its signing block, as on paper, with an anchor of its own.
    await page.goto(`${site.url}van-ban/uy-ban-nhan-dan-tinh-long-an/2021-06-15-2210-qd-ubnd/#phu-luc-1`);
    expect(await page.textContent('#phu-luc-1 h2')).toBe('QUY CHẾ TIẾP CÔNG DÂN');
    expect(await page.evaluate(() => !!document.querySelector('.formal__foot ~ #phu-luc-1'))).toBe(true);
    expect(await page.textContent('.formal__body')).not.toContain('QUY CHẾ TIẾP CÔNG DÂN');
  } finally {
    await page.close();
    await site.close();
  }
  const catalog = JSON.parse(fs.readFileSync(path.join(outDir, 'catalog.json'), 'utf8')) as {
    directives: { number: string; title: string; titlePrinted?: string; coIssuers: { id: string }[] }[];
  };
  const joint = catalog.directives.find((d) => d.number === '03/KHPH/UBND-UBMTTQ')!;
  expect(joint.coIssuers.map((c) => c.id)).toEqual(['uy-ban-mat-tran-to-quoc-viet-nam-tinh-gia-lai']);
  expect(joint.titlePrinted).toBe('PHỐI HỢP THỰC HIỆN CUỘC VẬN ĐỘNG TOÀN DÂN ĐOÀN KẾT XÂY DỰNG NÔNG THÔN MỚI');
});
