/**
 * Static link checker for a built site. Crawls every HTML file (a, link, script, img, source, form,
 * iframe, meta refresh/og:*), the CSS files (url(), @import), the XML files (feed, sitemap), robots.txt
 * and catalog.json, and checks that every reference resolves to a file in the dist folder: a folder
 * means its index.html, query strings are ignored, and a `#fragment` must be an id in the target page.
 * Anything outside the site is broken, except the few places that must carry SITE_URL (canonical,
 * og:url, the permalink, feed/sitemap/robots/catalog), which are mapped back to the dist folder.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BrokenLink {
  /** File the link is in, relative to dist (`van-ban/x/index.html`). */
  page: string;
  /** The link exactly as written (entities decoded). */
  url: string;
  /** Where it was found: `a[href]`, `link[rel=canonical]`, `feed.xml <link href>`, `css url()`. */
  where: string;
  reason: string;
}

export interface LinkCheckOptions {
  /** The built site. */
  distDir: string;
  /** Base path it is served under (`/`, `/vanban/`). */
  base?: string;
  /** SITE_URL it was built with (origin, optionally with a path); absolute links to it are allowed only where noted above. */
  siteUrl?: string;
}

export interface LinkCheckResult {
  broken: BrokenLink[];
  /** Number of references checked (for sanity assertions: a checker that checks nothing passes everything). */
  checked: number;
  /** Files crawled, relative to dist. */
  files: string[];
}

/** A fake origin the site is resolved against; any URL resolving elsewhere left the site. */
const LOCAL = 'http://link-check.invalid';

/** Schemes that make no request. */
const HARMLESS_SCHEMES = new Set(['mailto:', 'tel:', 'data:']);

export function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

// ---------- tiny HTML tokenizer (Astro output is well-formed; this is not a general parser) ----------

export interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Start tags in document order, skipping comments and the raw text inside script, style, textarea and title. */
export function parseTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!(?:[^>]*)>|<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (!m[1]) continue;
    const name = m[1].toLowerCase();
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR)) {
      const key = a[1]!.toLowerCase();
      if (!attrs.has(key)) attrs.set(key, decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    tags.push({ name, attrs });
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'title') {
      const closeRe = new RegExp(`</${name}`, 'gi');
      closeRe.lastIndex = re.lastIndex;
      const close = closeRe.exec(html);
      if (close) re.lastIndex = close.index;
    }
  }
  return tags;
}

const tokens = (v: string | undefined) => (v ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** References an HTML page makes, with a label for the element and whether SITE_URL is allowed there. */
interface Ref {
  url: string;
  where: string;
  siteUrlAllowed: boolean;
}

function htmlRefs(tags: Tag[]): Ref[] {
  const refs: Ref[] = [];
  const add = (url: string | undefined, where: string, siteUrlAllowed = false) => {
    if (url !== undefined) refs.push({ url: url.trim(), where, siteUrlAllowed });
  };
  for (const t of tags) {
    const a = t.attrs;
    const rel = tokens(a.get('rel'));
    switch (t.name) {
      case 'a':
      case 'area':
        add(a.get('href'), `${t.name}[href]`, a.get('data-field') === 'permalink' || rel.includes('bookmark'));
        break;
      case 'link':
        add(a.get('href'), `link[rel=${rel.join(' ')}]`, rel.includes('canonical'));
        break;
      case 'form':
        // An empty action submits to the page itself.
        if (a.has('action') && a.get('action') !== '') add(a.get('action'), 'form[action]');
        break;
      case 'meta': {
        const prop = (a.get('property') ?? a.get('name') ?? '').toLowerCase();
        if (prop === 'og:url') add(a.get('content'), 'meta[property=og:url]', true);
        else if (prop === 'og:image' || prop === 'twitter:image') add(a.get('content'), `meta[property=${prop}]`, true);
        if ((a.get('http-equiv') ?? '').toLowerCase() === 'refresh') {
          const u = /url\s*=\s*['"]?([^'"]+)/i.exec(a.get('content') ?? '')?.[1];
          add(u, 'meta[http-equiv=refresh]');
        }
        break;
      }
      default:
        break;
    }
    for (const attr of ['src', 'poster', 'formaction', 'data'] as const) {
      if (a.has(attr) && !(attr === 'data' && t.name !== 'object')) add(a.get(attr), `${t.name}[${attr}]`);
    }
    if (a.has('srcset')) {
      for (const part of a.get('srcset')!.split(',')) add(part.trim().split(/\s+/)[0], `${t.name}[srcset]`);
    }
    // Pagefind's own loader resolves its index from here.
    if (a.has('data-pagefind-base'))
      add(`${a.get('data-pagefind-base')!.replace(/\/?$/, '/')}pagefind.js`, `${t.name}[data-pagefind-base]`);
  }
  return refs;
}

function cssRefs(css: string): Ref[] {
  const refs: Ref[] = [];
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of clean.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)/g))
    refs.push({ url: (m[1] ?? m[2] ?? m[3] ?? '').trim(), where: 'css url()', siteUrlAllowed: false });
  for (const m of clean.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g))
    refs.push({ url: m[1] ?? m[2] ?? '', where: 'css @import', siteUrlAllowed: false });
  return refs;
}

/** Every URL in a feed or sitemap: attributes href/src/uri and URL-looking element text. */
function xmlRefs(xml: string): Ref[] {
  const refs: Ref[] = [];
  for (const m of xml.matchAll(/<([a-zA-Z:]+)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    refs.push({ url: decodeEntities(m[3] ?? m[4] ?? '').trim(), where: `<${m[1]} ${m[2]}>`, siteUrlAllowed: true });
  }
  for (const m of xml.matchAll(/<([a-zA-Z:]+)\b[^>]*>\s*([a-z][a-z0-9+.-]*:\/\/[^<\s]*)\s*<\/\1>/gi)) {
    refs.push({ url: decodeEntities(m[2]!), where: `<${m[1]}>`, siteUrlAllowed: true });
  }
  return refs;
}

function jsonRefs(value: unknown, key = ''): Ref[] {
  if (typeof value === 'string') {
    if (/^https?:\/\//i.test(value) || ((key === 'url' || key === 'href') && value.startsWith('/')))
      return [{ url: value, where: `json "${key}"`, siteUrlAllowed: true }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v) => jsonRefs(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => jsonRefs(v, k));
  return [];
}

// ---------- the crawl ----------

function walk(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, root));
    else if (e.isFile()) out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out.sort();
}

const isFile = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

export function checkLinks({ distDir, base = '/', siteUrl }: LinkCheckOptions): LinkCheckResult {
  const root = path.resolve(distDir);
  const mount = normalizeBase(base);
  const files = walk(root);
  const broken: BrokenLink[] = [];
  let checked = 0;

  // SITE_URL + base, e.g. https://intranet.example/vanban/
  let sitePrefix: string | undefined;
  if (siteUrl) {
    const u = new URL(siteUrl);
    sitePrefix = u.origin + normalizeBase(u.pathname.replace(/\/$/, '') + mount).replace(/\/\/+/g, '/');
  }

  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = new Set();
      for (const t of parseTags(fs.readFileSync(file, 'utf8'))) {
        const id = t.attrs.get('id');
        if (id) ids.add(id);
        if (t.name === 'a' && t.attrs.get('name')) ids.add(t.attrs.get('name')!);
      }
      idCache.set(file, ids);
    }
    return ids;
  };

  /** URL path of a dist file under the local origin: `van-ban/x/index.html` → `/base/van-ban/x/index.html`. */
  const urlOf = (rel: string) => new URL(mount + rel.split('/').map(encodeURIComponent).join('/'), LOCAL);

  /** Resolve a local URL to a dist file; returns the file or a reason it is broken. */
  const resolveLocal = (u: URL): { file: string } | { reason: string } => {
    if (!u.pathname.startsWith(mount)) return { reason: `outside the base path ${mount}` };
    let rel: string;
    try {
      rel = decodeURIComponent(u.pathname.slice(mount.length));
    } catch {
      return { reason: 'malformed percent-encoding' };
    }
    const target = path.resolve(root, rel);
    if (target !== root && !target.startsWith(root + path.sep)) return { reason: 'escapes the dist folder' };
    if (isDir(target)) {
      const index = path.join(target, 'index.html');
      return isFile(index) ? { file: index } : { reason: `folder ${rel || '/'} has no index.html` };
    }
    if (isFile(target)) return { file: target };
    return { reason: `no such file: ${rel}` };
  };

  const check = (page: string, pageUrl: URL, ref: Ref): void => {
    checked++;
    const bad = (reason: string): void => {
      broken.push({ page, url: ref.url, where: ref.where, reason });
    };
    if (ref.url === '') return void bad('empty URL');
    let u: URL;
    try {
      u = new URL(ref.url, pageUrl);
    } catch {
      return void bad('not a valid URL');
    }
    if (HARMLESS_SCHEMES.has(u.protocol)) return;
    if (u.protocol === 'javascript:') return void bad('javascript: URL');
    // Pages are served at arbitrary depths as the 404 page, so relative links there break.
    if (page === '404.html' && !/^(\/|#|[a-z][a-z0-9+.-]*:)/i.test(ref.url))
      return void bad('relative URL on the 404 page (served at any path)');

    let local: URL;
    if (u.origin === LOCAL) {
      local = u;
    } else if (sitePrefix && (u.href.startsWith(sitePrefix) || u.href === sitePrefix.slice(0, -1))) {
      if (!ref.siteUrlAllowed)
        return void bad(`absolute SITE_URL link where a base-relative one belongs (leaves the origin when served elsewhere)`);
      local = new URL(mount + u.href.slice(sitePrefix.length), LOCAL);
      local.search = u.search;
      local.hash = u.hash;
    } else {
      return void bad(
        sitePrefix && u.origin === new URL(sitePrefix).origin ? `SITE_URL link outside the base path` : `external URL (${u.origin})`,
      );
    }

    const res = resolveLocal(local);
    if ('reason' in res) return void bad(res.reason);
    const frag = local.hash.slice(1);
    if (frag && frag !== 'top') {
      let id: string;
      try {
        id = decodeURIComponent(frag);
      } catch {
        return void bad('malformed fragment');
      }
      if (!res.file.endsWith('.html')) return void bad(`fragment #${id} on a non-HTML file`);
      if (!idsOf(res.file).has(id)) return void bad(`no element with id="${id}" in ${path.relative(root, res.file)}`);
    }
  };

  for (const rel of files) {
    const abs = path.join(root, rel);
    const ext = path.extname(rel).toLowerCase();
    let refs: Ref[];
    let pageUrl = urlOf(rel);
    if (ext === '.html') {
      const tags = parseTags(fs.readFileSync(abs, 'utf8'));
      const baseTag = tags.find((t) => t.name === 'base' && t.attrs.has('href'));
      if (baseTag) pageUrl = new URL(baseTag.attrs.get('href')!, pageUrl);
      refs = htmlRefs(tags);
    } else if (ext === '.css') {
      refs = cssRefs(fs.readFileSync(abs, 'utf8'));
    } else if (ext === '.xml') {
      refs = xmlRefs(fs.readFileSync(abs, 'utf8'));
    } else if (rel === 'robots.txt') {
      refs = [...fs.readFileSync(abs, 'utf8').matchAll(/^\s*sitemap\s*:\s*(\S+)/gim)].map((m) => ({
        url: m[1]!,
        where: 'robots Sitemap:',
        siteUrlAllowed: true,
      }));
    } else if (rel === 'catalog.json') {
      refs = jsonRefs(JSON.parse(fs.readFileSync(abs, 'utf8')));
    } else {
      continue;
    }
    // Feeds, sitemaps and robots.txt are read by other programs: their URLs must be absolute.
    if (ext === '.xml' || rel === 'robots.txt') {
      for (const r of refs)
        if (!/^[a-z][a-z0-9+.-]*:/i.test(r.url))
          broken.push({ page: rel, url: r.url, where: r.where, reason: 'relative URL in a feed/sitemap/robots file' });
    }
    for (const r of refs) check(rel, pageUrl, r);
  }
  return { broken, checked, files };
}

/** One line per broken link, for assertion messages. */
export function formatBroken(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `${b.page}: ${b.where} ${JSON.stringify(b.url)}: ${b.reason}`).join('\n');
}
