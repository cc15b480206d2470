/**
 * The importer end to end: raw seeds into an empty content folder, validated, built, and found on
 * the site; re-import skips; --force replaces but keeps what editors added; a bad file fails alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite, makeTempDir, REPO_ROOT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const SEEDS = path.join(REPO_ROOT, 'content/sources');

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
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
  const imp = run('src/cli/import.ts', ['--out', content, SEEDS]);
  expect(imp.code, imp.out).toBe(0);
  expect(imp.out).toMatch(/Đã nhập 2, bỏ qua 0, lỗi 0/);
  expect(fs.readdirSync(path.join(content, 'directives')).sort()).toEqual(fs.readdirSync(path.join(REPO_ROOT, 'content/directives')).sort());
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
  const r = run('src/cli/import.ts', ['--out', out, dir]);
  expect(r.code).toBe(1);
  expect(r.out).toContain('thu-moi.txt');
  expect(r.out).toMatch(/Đã nhập 1, bỏ qua 0, lỗi 1/);
  expect(r.out).not.toMatch(/\n\s+at /);
  expect(fs.readdirSync(path.join(out, 'directives'))).toEqual(['dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre--2022-03-07-554-cv-duk.md']);
});
