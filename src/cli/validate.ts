/** `npm run validate`: check every directive and the registry, print every problem, exit 1 if any error. */
import { readLibrary } from '../content/library.ts';
import { formatProblem } from '../content/problems.ts';
import { CONTENT_DIR } from '../settings.ts';

export function runValidation(contentDir = CONTENT_DIR): boolean {
  const { library: lib, problems, errors } = readLibrary(contentDir);
  for (const p of problems) console.error(formatProblem(p));
  const warnings = problems.length - errors;
  if (errors) {
    const files = new Set(problems.map((p) => p.file)).size;
    console.error(
      `\n${errors} lỗi${warnings ? `, ${warnings} cảnh báo` : ''} trong ${files} tệp (đã đọc ${lib.fileCount} văn bản). Sửa các lỗi trên rồi chạy lại.`,
    );
    return false;
  }
  console.log(
    `Hợp lệ: ${lib.directives.length} văn bản, ${lib.registry?.issuers.length ?? 0} cơ quan ban hành${warnings ? `, ${warnings} cảnh báo` : ''}.`,
  );
  return true;
}

if (import.meta.main) process.exitCode = runValidation() ? 0 : 1;
