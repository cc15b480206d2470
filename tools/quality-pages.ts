/** The pages quality checks (axe in the tests, Lighthouse) visit: one of each kind. Paths are under the base. */

/** The search page with a query; wait for `SEARCH_RESULT` before judging it. */
export const SEARCH_PAGE = 'tim-kiem/?q=dang%20uy%20khoi';
export const SEARCH_RESULT = '#search-results li';

export const PAGES: Readonly<Record<string, string>> = {
  home: '',
  directive: 'van-ban/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/2022-03-07-554-cv-duk/',
  // Long enough for a table of contents, with a regulation issued with it (an annex) in chapters and articles.
  directiveWithParts: 'van-ban/bo-chinh-tri/2013-12-12-217-qd-tw/',
  issuers: 'co-quan/',
  issuer: 'co-quan/dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre/',
  types: 'loai/',
  type: 'loai/cong-van/',
  years: 'nam/',
  year: 'nam/2022/',
  month: 'thang/2022-03/',
  missing: 'tham-chieu-thieu/',
  search: SEARCH_PAGE,
  notFound: '404.html',
};
