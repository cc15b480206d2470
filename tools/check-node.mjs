// Runs before every npm script, on whatever Node is installed: plain JavaScript that any Node parses, so that an
// old Node gets a clear message instead of ERR_UNKNOWN_FILE_EXTENSION and a stack trace from the TypeScript sources.
// The minimum comes from package.json `engines.node`: the code runs .ts files directly (type stripping on by
// default since Node 22.18), and Lighthouse 13.5 needs Node 22.19.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = /(\d+)\.(\d+)(?:\.(\d+))?/
  .exec(pkg.engines.node)
  .slice(1)
  .map((n) => Number(n || 0));
const have = process.versions.node.split('.').map(Number);
const older = have[0] - wanted[0] || have[1] - wanted[1] || have[2] - wanted[2];
if (older < 0) {
  const need = wanted.join('.');
  console.error(
    [
      `Cần Node.js ${need} trở lên; máy đang dùng Node.js ${process.versions.node} (${process.execPath}).`,
      'Cài Node.js 24 (https://nodejs.org, hoặc `nvm install` trong thư mục dự án theo tệp .nvmrc), hoặc không cần quyền quản trị:',
      '  npm install --prefix ~/.cache/vanban-node node@24 && export PATH="$HOME/.cache/vanban-node/node_modules/.bin:$PATH"',
      '',
      `Node.js ${need} or newer is needed; this is Node.js ${process.versions.node}. Install Node.js 24 (nvm install, or the`,
      'command above), then run the command again.',
    ].join('\n'),
  );
  process.exit(1);
}
