/** `npm run validate`: check every directive and the registry, print every problem, exit 1 if any error. */
import { formatProblem } from '../lib/problems.ts';
import { CONTENT_DIR } from '../lib/paths.ts';
import { loadLibrary, referenceWarnings } from '../lib/validate.ts';

export function runValidation(contentDir = CONTENT_DIR): boolean {
  const lib = loadLibrary(contentDir);
  lib.problems.push(...referenceWarnings(lib));
  for (const p of lib.problems) console.error(formatProblem(p));
  const errors = lib.problems.filter((p) => p.severity !== 'warning').length;
  const warnings = lib.problems.length - errors;
  if (errors) {
    console.error(`\n${errors} lỗi${warnings ? `, ${warnings} cảnh báo` : ''} trong ${new Set(lib.problems.map((p) => p.file)).size} tệp (đã đọc ${lib.fileCount} văn bản). Sửa các lỗi trên rồi chạy lại.`);
    return false;
  }
  console.log(`Hợp lệ: ${lib.directives.length} văn bản, ${lib.registry?.issuers.length ?? 0} cơ quan ban hành${warnings ? `, ${warnings} cảnh báo` : ''}.`);
  return true;
}

if (import.meta.main) process.exitCode = runValidation() ? 0 : 1;
