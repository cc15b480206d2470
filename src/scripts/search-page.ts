/**
 * Search page behaviour: read the query and filters from the URL, ask Pagefind, render results.
 * Query rules (number tokens, NFC) come from the same modules the indexer uses.
 */
import { normalizeQuery } from '../search/query-text.ts';
import { bestPassage, type PassageParts } from '../search/passage.ts';
import { passagePath } from '../model/ids.ts';
import { planQuery, type QueryPlan } from '../search/query-plan.ts';
import { issuerMatch, nameSyllables, rankByPairs } from '../search/rank.ts';
import { SORTED_WEIGHT } from '../search/shards.ts';
import { formatShortDate } from '../model/dates.ts';
import { escapeXml as escapeHtml } from '../html/escape.ts';
import type { IssuerGroup } from '../site/search-filters.ts';
import { NATIONAL_SCOPE } from '../model/issuers.ts';

interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
}
type PagefindSearchOptions = { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> };
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (url: string) => Promise<void>;
  search: (q: string | null, o?: PagefindSearchOptions) => Promise<PagefindSearch | null>;
}

/** Results shown at a time: each costs a request for its fragment (~1 KB). */
const PAGE = 10;
const FILTERS = ['scope', 'issuer', 'type', 'year'] as const;

/**
 * The issuer menu lists the bodies of the chosen scope, from a file loaded the first time a reader reaches for
 * the scope menu (or arrives with an issuer in the address); until a scope is chosen it is disabled.
 */
function issuerMenu(scopeSelect: HTMLSelectElement, issuerSelect: HTMLSelectElement) {
  const placeholder = issuerSelect.options[0]?.text ?? '';
  let groups: Promise<IssuerGroup[]> | undefined;
  const load = () =>
    (groups ??= fetch(issuerSelect.dataset['source']!).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<IssuerGroup[]>;
    }));
  scopeSelect.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  return {
    /** Fill the menu for the scope chosen (the issuer's own scope when only an issuer is given), then choose the issuer. */
    async show(issuer: string): Promise<void> {
      const disable = (text: string) => {
        issuerSelect.replaceChildren(new Option(text, ''));
        issuerSelect.disabled = true;
      };
      if (!scopeSelect.value && !issuer) return disable(placeholder);
      let all: IssuerGroup[];
      try {
        all = await load();
      } catch {
        groups = undefined;
        return disable('Không tải được danh sách cơ quan');
      }
      if (!scopeSelect.value) scopeSelect.value = all.find((g) => g.issuers.includes(issuer))?.scope ?? '';
      const names = all.find((g) => g.scope === scopeSelect.value)?.issuers;
      if (!names) return disable(placeholder);
      issuerSelect.replaceChildren(new Option('Tất cả', ''), ...names.map((n) => new Option(n, n)));
      issuerSelect.disabled = false;
      issuerSelect.value = issuer;
    },
  };
}

/**
 * A result's body in parts (src/search/passage.ts), gzipped beside the index. A host that sends it as
 * gzip-encoded has unpacked it already: the first bytes tell.
 */
async function fetchParts(directiveUrl: string): Promise<PassageParts> {
  const res = await fetch(passagePath(directiveUrl));
  if (!res.ok) throw new Error(String(res.status));
  const bytes = new Uint8Array(await res.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return JSON.parse(text) as PassageParts;
}

/** The passage the query matched, and the part it lies in, linked to its anchor. */
function passageHtml(url: string, parts: PassageParts, plan: QueryPlan): string {
  const passage = bestPassage(parts, plan.syllables, escapeHtml);
  if (!passage) return '';
  const where = passage.id
    ? `<p class="doc-list__part">Tại <a href="${escapeHtml(`${url}#${passage.id}`)}">${escapeHtml(passage.where)}</a></p>`
    : '';
  return `${where}<p class="excerpt">${passage.html}</p>`;
}

/** A number query needs only the subject; other results get a slot their passage fills when it comes into view. */
function resultItem(r: PagefindResultData, plan: QueryPlan): string {
  const m = r.meta;
  const slot = plan.isNumber ? '' : `<div class="doc-list__passage" data-passage="${escapeHtml(r.url)}"></div>`;
  return (
    `<li><a class="doc-list__title" href="${escapeHtml(r.url)}">${escapeHtml(m['title'] ?? r.url)}</a>` +
    `<p class="doc-list__meta"><span class="doc-list__number">${escapeHtml(m['type'] ?? '')} số ${escapeHtml(m['number'] ?? '')}</span><span>·</span>` +
    `<time datetime="${escapeHtml(m['issued'] ?? '')}">${escapeHtml(formatShortDate(m['issued'] ?? ''))}</time><span>·</span>` +
    `<span>${escapeHtml(m['issuer'] ?? '')}</span></p>${slot}</li>`
  );
}

export async function startSearchPage(): Promise<void> {
  const form = document.getElementById('search') as HTMLFormElement;
  const input = document.getElementById('q') as HTMLInputElement;
  const sortSelect = document.getElementById('sort') as HTMLSelectElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const selects = Object.fromEntries(FILTERS.map((f) => [f, form.querySelector<HTMLSelectElement>(`[data-filter="${f}"]`)!])) as Record<
    (typeof FILTERS)[number],
    HTMLSelectElement
  >;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sortSelect.value = params.get('sort') ?? '';

  status.textContent = 'Đang tải chỉ mục tìm kiếm…';
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${form.dataset['pagefindBase']}pagefind.js`)) as Pagefind;
    // One library's index is searched fast enough on the page itself; Pagefind's web worker would be another
    // 43 KB to download before the first result.
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    // The other shards of the index (src/search/shards.ts), older directives.
    for (const url of (form.dataset['pagefindMerge'] ?? '').split(' ').filter(Boolean)) await pagefind.mergeIndex(url);
  } catch {
    status.textContent = 'Không tải được chỉ mục tìm kiếm. Hãy thử tải lại trang.';
    return;
  }

  // Filter options are written into the page at build time, but for the issuers of a scope: no filter file loads
  // until one is used.
  const issuers = issuerMenu(selects.scope, selects.issuer);
  for (const f of FILTERS) if (f !== 'issuer') selects[f].value = params.get(f) ?? '';
  await issuers.show(params.get('issuer') ?? '');

  // The provinces the library has (the scope menu's options), for their initials in queries (`Tỉnh ủy TQ`).
  const provinces = [...selects.scope.options].map((o) => o.value).filter((v) => v && v !== NATIONAL_SCOPE);
  const issuerHint = document.getElementById('search-issuer')!;

  let results: PagefindResult[] = [];
  let shown = 0;

  // Passages are fetched for the results a reader can see (and those about to scroll in), not for every result.
  const passages = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const slot = e.target as HTMLElement;
        passages.unobserve(slot);
        const url = slot.dataset['passage']!;
        const forPlan = plan;
        fetchParts(url).then(
          (parts) => {
            if (forPlan === plan) slot.innerHTML = passageHtml(url, parts, forPlan);
          },
          // Without its passage a result still has its subject, number, date and issuer.
          () => undefined,
        );
      }
    },
    { rootMargin: '200px 0px' },
  );
  let plan: QueryPlan = planQuery('');
  let generation = 0;

  /** Ids of the results that have `token`, with their scores (one more search; its part of the index is loaded). */
  const having = async (token: string, filters: Record<string, string>) =>
    new Map(((await pagefind.search(token, { filters }))?.results ?? []).map((r) => [r.id, r.score]));

  /**
   * The first page, those of the body the query names first (its name in full, or its start); and that body offered
   * as a filter. Only the results shown are known by their issuer, so the rest keep their order.
   */
  function issuerFirst(data: PagefindResultData[]): PagefindResultData[] {
    const query = nameSyllables(plan.syllables.join(' '), provinces);
    const match = new Map<string, number>();
    for (const d of data) {
      const name = d.meta['issuer'] ?? '';
      if (!match.has(name)) match.set(name, issuerMatch(nameSyllables(name, provinces), query));
    }
    const best = Math.max(0, ...match.values());
    const named = [...match].filter(([, m]) => m === best && best > 0).map(([n]) => n);
    issuerHint.hidden = !named.length || !!selects.issuer.value;
    issuerHint.innerHTML = named.length
      ? `Lọc theo cơ quan: ${named
          .slice(0, 3)
          .map((n) => {
            const u = new URL(location.href);
            u.searchParams.set('issuer', n);
            return `<a href="${escapeHtml(u.pathname + u.search)}">${escapeHtml(n)}</a>`;
          })
          .join(', ')}`
      : '';
    return best ? [...data].sort((a, b) => (match.get(b.meta['issuer'] ?? '') ?? 0) - (match.get(a.meta['issuer'] ?? '') ?? 0)) : data;
  }

  async function showMore(): Promise<void> {
    const mine = generation;
    const slice = results.slice(shown, shown + PAGE);
    let data = await Promise.all(slice.map((r) => r.data()));
    if (mine !== generation) return;
    if (shown === 0) {
      const ordered = issuerFirst(data);
      // Date order, when asked for, is kept; the named body is still offered as a filter.
      if (!sortSelect.value) data = ordered;
    }
    list.insertAdjacentHTML('beforeend', data.map((d) => resultItem(d, plan)).join(''));
    for (const slot of list.querySelectorAll<HTMLElement>('[data-passage]:empty')) passages.observe(slot);
    shown += slice.length;
    more.hidden = shown >= results.length;
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    const raw = normalizeQuery(input.value);
    const filters: Record<string, string> = {};
    for (const f of FILTERS) if (selects[f].value) filters[f] = selects[f].value;
    const url = new URL(location.href);
    url.search = new URLSearchParams(Object.entries({ q: raw, ...filters, sort: sortSelect.value }).filter(([, v]) => v)).toString();
    history.replaceState(null, '', url);
    issuerHint.hidden = true;
    if (!raw && Object.keys(filters).length === 0) {
      list.innerHTML = '';
      more.hidden = true;
      status.textContent = 'Nhập từ khóa (có dấu hoặc không dấu) hoặc số hiệu văn bản, hoặc chọn bộ lọc.';
      return;
    }
    plan = planQuery(raw, provinces);
    const sort =
      sortSelect.value === 'newest' ? { issued: 'desc' as const } : sortSelect.value === 'oldest' ? { issued: 'asc' as const } : undefined;
    // A sorted search ranks the newest shard's results above the others' (src/search/shards.ts).
    await pagefind.options({ indexWeight: sort ? SORTED_WEIGHT : 1 });
    const search = await pagefind.search(plan.terms || null, { filters, ...(sort ? { sort } : {}) });
    if (mine !== generation || !search) return;
    // Adjacent syllables rank a result higher, unless the reader asked for date order; a quoted phrase must be whole.
    // A quoted phrase's pairs are pairs of the query too: each is looked up once.
    const lookups = new Map<string, ReturnType<typeof having>>();
    const lookup = (p: string) => lookups.get(p) ?? lookups.set(p, having(p, filters)).get(p)!;
    const [pairs, required] = await Promise.all([
      Promise.all((sort ? [] : plan.pairs).map(lookup)),
      Promise.all(plan.required.map(lookup)),
    ]);
    if (mine !== generation) return;
    results = sort ? search.results : rankByPairs(search.results, pairs, required);
    shown = 0;
    passages.disconnect();
    list.innerHTML = '';
    await showMore();
    // Announce only once the results are on the page.
    status.textContent = results.length ? `Tìm thấy ${results.length} văn bản.` : 'Không tìm thấy văn bản nào. Thử bỏ bớt từ hoặc bộ lọc.';
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 250);
  });
  selects.scope.addEventListener('change', () => void issuers.show('').then(run));
  for (const s of [selects.issuer, selects.type, selects.year, sortSelect]) s.addEventListener('change', () => void run());
  more.addEventListener('click', () => void showMore());
  await run();
}
