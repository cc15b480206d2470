/**
 * `npm run import -- <tệp hoặc thư mục>... [--dry-run] [--force] [--out <thư mục>] [--json]`
 * Imports raw directives (.txt, or .md without frontmatter) into content/directives/, adding new issuing
 * bodies to content/issuers.yaml. Messages are for clerks (Vietnamese); exit code 1 if any file failed.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { collectInputs, ImportAbort, importFiles, type FileOutcome, type ImportReport } from '../importer/batch.ts';
import { displayTitle } from '../model/display-title.ts';
import type { ImportNotes } from '../importer/parse.ts';
import type { Skipped } from '../importer/portal.ts';
import { describeHolder } from '../content/lock.ts';
import { removePendingTempFiles } from '../importer/write-file.ts';
import { CONTENT_DIR } from '../settings.ts';

const USAGE = `Cách dùng: npm run import -- <tệp hoặc thư mục>... [tùy chọn]

Đọc các tệp .txt (và .md chưa có khai báo YAML), Word (.docx, .doc), PDF, và ảnh quét (.png, .jpg, .tif, với --ocr);
thư mục được đọc cả thư mục con. Tệp gốc Word, PDF, ảnh được giữ trong content/sources/ và đưa lên trang văn bản;
ghi mỗi văn bản thành một tệp trong content/directives/ và thêm cơ quan ban hành mới vào content/issuers.yaml.
Văn bản chép từ cổng thông tin được nhận ra giữa phần thừa của trang; trường nào bản in thiếu
(hoặc bài đăng lại không có phần đầu) thì ghi trong tệp <tên>.meta.yaml đặt cạnh (xem docs/importer.md).

Tùy chọn:
  --dry-run       chỉ cho xem sẽ ghi gì, không ghi tệp nào
  --force         thay văn bản đã có (cùng cơ quan, số, ngày), hoặc tệp cùng tên đã bị sửa tay
  --out <thư mục> nhập vào thư mục nội dung khác (mặc định: content)
  --ocr           nhận dạng chữ của PDF quét và ảnh (chậm; văn bản được đánh dấu cần đối chiếu)
  --init          tạo thư viện mới nếu thư mục --out chưa phải thư viện (chưa có issuers.yaml)
  --json          in báo cáo dạng JSON
  -h, --help      hiện hướng dẫn này`;

const rel = (p: string) => path.relative(process.cwd(), p) || p;
const LARGE = 50;

function describe(o: FileOutcome, dryRun: boolean): string {
  const where = `${rel(o.file)}${o.line ? `:${o.line}` : ''}`;
  switch (o.status) {
    case 'imported':
      return `  ${dryRun ? 'sẽ nhập' : 'đã nhập'}  ${rel(o.target!)}  ← ${rel(o.file)}`;
    case 'replaced':
      return `  ${dryRun ? 'sẽ thay' : 'đã thay'}  ${rel(o.target!)}  ← ${rel(o.file)}`;
    case 'skipped':
      return `  bỏ qua   ${where}: ${o.reason}`;
    case 'failed':
      return `  lỗi      ${where}: ${o.reason}`;
  }
}

const SKIP_KINDS: Record<Skipped['kind'], string> = {
  chrome: 'phần của trang web',
  metadata: 'bảng thông tin của trang',
  'page-title': 'tiêu đề trang',
  lead: 'lời dẫn của bài đăng',
  trailer: 'dòng lạ',
};

/** What the clerk should know beyond warnings: skipped lines, fields not from the print, repairs, guesses. */
function describeNotes(n: ImportNotes): string[] {
  const out: string[] = [];
  const ranges = (list: Skipped[]) => list.map((s) => (s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`)).join(', ');
  const byKind = new Map<Skipped['kind'], Skipped[]>();
  for (const s of n.skipped) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  for (const [kind, list] of byKind) out.push(`           bỏ qua ${SKIP_KINDS[kind]}: dòng ${ranges(list)}`);
  for (const f of n.fromMetadata) out.push(`           lấy ngoài bản in: ${f}`);
  for (const r of n.repairs) out.push(`           đã sửa: ${r}`);
  for (const g of n.guesses) out.push(`           đoán: ${g}`);
  return out;
}

function printReport(r: ImportReport, missing: { file: string; reason: string }[], ignored: string[]): void {
  const large = r.files.length > LARGE;
  const out: string[] = [];
  for (const o of r.files) {
    if (large && (o.status === 'imported' || o.status === 'replaced')) continue;
    out.push(describe(o, r.dryRun));
    for (const w of o.status === 'failed' ? [] : (o.warnings ?? [])) out.push(`           lưu ý: ${w}`);
    if (o.status !== 'failed' && o.notes) out.push(...describeNotes(o.notes));
    if (r.dryRun && o.data && !large) {
      out.push(
        `           ${o.data.type} · số ${o.data.number} · ngày ${o.data.issued} · ${o.data.issuer}`,
        `           ${displayTitle(o.data.title)}`,
      );
    }
  }
  for (const m of missing) out.push(`  lỗi      ${rel(m.file)}: ${m.reason}`);
  if (ignored.length)
    out.push(`  không đọc ${ignored.length} tệp loại khác: ${ignored.slice(0, 3).map(rel).join(', ')}${ignored.length > 3 ? ', …' : ''}`);
  if (out.length) console.log(out.join('\n'));
  if (r.created) console.log(`\n${r.dryRun ? 'Sẽ tạo' : 'Đã tạo'} thư viện mới ở ${rel(r.contentDir)}.`);
  if (r.removedTempFiles.length)
    console.log(
      `\nĐã xóa ${r.removedTempFiles.length} tệp tạm của một lần nhập bị ngắt trước đó (${r.removedTempFiles.map(rel).join(', ')}).`,
    );
  if (r.newProvinces.length || r.newIssuers.length) {
    console.log(`\n${r.dryRun ? 'Sẽ thêm' : 'Đã thêm'} vào ${rel(path.join(r.contentDir, 'issuers.yaml'))}:`);
    for (const p of r.newProvinces) console.log(`  tỉnh, thành phố ${p.name} (${p.id})`);
    for (const i of r.newIssuers) console.log(`  cơ quan ${i.name} (${i.id}, mã ${i.code})`);
  }
  const c = r.counts;
  const failed = c.failed + missing.length;
  const parts = [`${r.dryRun ? 'sẽ nhập' : 'đã nhập'} ${c.imported}`];
  if (c.replaced) parts.push(`${r.dryRun ? 'sẽ thay' : 'đã thay'} ${c.replaced}`);
  parts.push(`bỏ qua ${c.skipped}`, `lỗi ${failed}`);
  console.log(
    `\n${r.dryRun ? 'Chạy thử (--dry-run), không ghi tệp nào: ' : ''}${capital(parts.join(', '))} (tổng ${c.total + missing.length} tệp).`,
  );
  if (r.stopped) console.log('Đã dừng giữa chừng theo yêu cầu; các tệp đã ghi đều trọn vẹn, các tệp còn lại chưa được nhập.');
  // Group reasons so a large batch ends with why, not just how many.
  const why = new Map<string, number>();
  for (const o of r.files)
    if (o.status === 'failed' || o.status === 'skipped') {
      const key = `${o.status === 'failed' ? 'lỗi' : 'bỏ qua'}: ${(o.reason ?? '')
        .replace(/\d+/g, '#')
        .replace(/«[^»]*»|\([^)]*\)|"[^"]*"/g, '…')
        .slice(0, 90)}`;
      why.set(key, (why.get(key) ?? 0) + 1);
    }
  if (large && why.size) {
    console.log('Lý do:');
    for (const [k, n] of [...why].sort((a, b) => b[1] - a[1])) console.log(`  ${n} tệp — ${k}`);
  }
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

const parseCliArgs = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      init: { type: 'boolean' },
      ocr: { type: 'boolean' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });

export async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseCliArgs>;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    console.error(`Tùy chọn không đúng: ${(e as Error).message.split('\n')[0]}\n\n${USAGE}`);
    return 1;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.positionals.length) {
    console.error(`Chưa chỉ ra tệp hoặc thư mục cần nhập.\n\n${USAGE}`);
    return 1;
  }

  const contentDir = args.values.out ? path.resolve(args.values.out) : CONTENT_DIR;
  const json = !!args.values.json;
  const inputs = collectInputs(args.positionals);
  const { files } = inputs;
  // Links that lead nowhere are failures too: the clerk meant them to be read.
  const missing = [...inputs.missing.map((m) => ({ file: m, reason: 'không tìm thấy tệp hoặc thư mục' })), ...inputs.broken];
  if (!files.length && !missing.length) {
    console.error(
      `Không có tệp nào đọc được (.txt, .md, .docx, .doc, .pdf, ảnh) trong các thư mục đã chỉ ra${inputs.ignored.length ? ` (có ${inputs.ignored.length} tệp loại khác, ví dụ ${rel(inputs.ignored[0]!)})` : ''}.`,
    );
    return 1;
  }

  let stop = false;
  const onSigint = () => {
    if (stop) {
      removePendingTempFiles();
      process.exit(130);
    }
    stop = true;
  };
  process.on('SIGINT', onSigint);
  const tty = process.stderr.isTTY && !json && files.length >= 20;
  let lastDraw = 0;
  const started = Date.now();
  let report: ImportReport;
  try {
    report = await importFiles(files, {
      contentDir,
      dryRun: !!args.values['dry-run'],
      force: !!args.values.force,
      init: !!args.values.init,
      ocr: !!args.values.ocr,
      shouldStop: () => stop,
      onWait: (holder) =>
        console.error(`Đang chờ: một lần nhập khác đang ghi vào thư viện này (${describeHolder(holder)}); sẽ tiếp tục khi nó xong…`),
      onProgress: tty
        ? (done, total) => {
            const now = Date.now();
            if (now - lastDraw < 100 && done < total) return;
            lastDraw = now;
            process.stderr.write(`\rĐang nhập ${done}/${total} tệp (${Math.round((done / total) * 100)}%)…`);
            if (done === total) process.stderr.write('\r\x1b[K');
          }
        : undefined,
    });
  } catch (e) {
    if (tty) process.stderr.write('\r\x1b[K');
    if (e instanceof ImportAbort) {
      console.error(e.message);
      return 1;
    }
    console.error(`Lỗi không mong đợi: ${(e as Error).message}`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
  if (tty) process.stderr.write('\r\x1b[K');

  if (json) {
    const failedMissing = missing.map((m) => ({ ...m, status: 'failed' }));
    console.log(
      JSON.stringify(
        {
          ...report,
          files: [...report.files, ...failedMissing],
          ignored: inputs.ignored,
          counts: { ...report.counts, failed: report.counts.failed + missing.length, total: report.counts.total + missing.length },
          seconds: (Date.now() - started) / 1000,
        },
        null,
        2,
      ),
    );
  } else {
    printReport(report, missing, inputs.ignored);
  }
  return report.counts.failed + missing.length > 0 || report.stopped ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
