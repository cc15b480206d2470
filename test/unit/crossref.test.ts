import { describe, expect, test } from 'vitest';
import { buildReferenceGraph, codeLevel, type GraphNode } from '../../src/model/crossref.ts';
import { parseNumber } from '../../src/model/numbers.ts';
import { directiveSchema, registrySchema, type DirectiveInput } from '../../src/model/schema.ts';
import { directiveStatus } from '../../src/model/status.ts';

const registry = registrySchema.parse({
  provinces: [
    { id: 'ben-tre', name: 'Bến Tre' },
    { id: 'tuyen-quang', name: 'Tuyên Quang' },
  ],
  issuers: [
    { id: 'bct', name: 'Bộ Chính trị', code: 'TW', family: 'party', level: 'national' },
    { id: 'tu-bt', name: 'Tỉnh ủy Bến Tre', code: 'TU', family: 'party', level: 'province', province: 'ben-tre' },
    { id: 'bdv-bt', name: 'Ban Dân vận Tỉnh ủy Bến Tre', code: 'BDVTU', family: 'party', level: 'province', province: 'ben-tre' },
    {
      id: 'duk-bt',
      name: 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre',
      code: 'ĐUK',
      family: 'party',
      level: 'province',
      province: 'ben-tre',
    },
    { id: 'tu-tq', name: 'Tỉnh ủy Tuyên Quang', code: 'TU', family: 'party', level: 'province', province: 'tuyen-quang' },
    {
      id: 'hu-cl',
      name: 'Huyện ủy Châu Thành',
      code: 'HU',
      family: 'party',
      level: 'district',
      province: 'ben-tre',
      locality: 'Châu Thành',
    },
    {
      id: 'hu-gt',
      name: 'Huyện ủy Giồng Trôm',
      code: 'HU',
      family: 'party',
      level: 'district',
      province: 'ben-tre',
      locality: 'Giồng Trôm',
    },
  ],
});

let n = 0;
function node(input: Partial<DirectiveInput> & { number: string; issuer: string; issued: string }, text = ''): GraphNode {
  const data = directiveSchema.parse({ type: 'chi-thi', title: `Văn bản ${++n}`, ...input });
  return { id: `${data.issuer}/${data.issued}-${data.number}`, data, text };
}

describe('codeLevel', () => {
  const national = new Set(['TW']);
  test.each([
    ['05-NQ/TW', 'national'],
    ['12-HD/BTGTW', 'national'],
    ['30/2020/NĐ-CP', 'national'],
    ['16/CT-TTg', 'national'],
    ['01-CT/TU', 'province'],
    ['234-CV/BDVTU', 'province'],
    ['75-KH/ĐUK', 'province'],
    ['03-NQ/HU', 'local'],
    ['2345/UBND-VX', 'province-or-local'],
  ])('%s is %s', (num, level) => {
    expect(codeLevel(parseNumber(num)!, national)).toBe(level);
  });
});

describe('buildReferenceGraph', () => {
  const bt01 = node({ number: '01-CT/TU', issuer: 'tu-bt', issued: '2020-10-17' });
  const tq01 = node({ number: '01-CT/TU', issuer: 'tu-tq', issued: '2020-10-20' });
  const tw05 = node({ number: '05-NQ/TW', type: 'nghi-quyet', issuer: 'bct', issued: '2016-11-01' });

  test('a provincial code resolves in the citing province only', () => {
    const citing = node(
      { number: '10-KH/ĐUK', type: 'ke-hoach', issuer: 'duk-bt', issued: '2021-01-05' },
      'Thực hiện Chỉ thị số 01-CT/TU của Ban Thường vụ Tỉnh ủy',
    );
    const g = buildReferenceGraph([bt01, tq01, citing], registry);
    expect(g.outgoing.get(citing.id)).toEqual([
      expect.objectContaining({ status: 'resolved', target: bt01.id, kind: 'implements', scope: 'Bến Tre' }),
    ]);
    expect(g.incoming.get(bt01.id)).toEqual([{ from: citing.id, kind: 'implements', parts: [] }]);
    expect(g.incoming.get(tq01.id)).toBeUndefined();
  });

  test('a national code resolves from any province', () => {
    const a = node(
      { number: '11-KH/ĐUK', type: 'ke-hoach', issuer: 'duk-bt', issued: '2017-01-05' },
      'Căn cứ Nghị quyết số 05-NQ/TW của Bộ Chính trị',
    );
    const b = node({ number: '12-CT/TU', issuer: 'tu-tq', issued: '2017-02-05' }, 'theo Nghị quyết số 05-NQ/TW');
    const g = buildReferenceGraph([tw05, a, b], registry);
    expect(g.outgoing.get(a.id)![0]).toMatchObject({ target: tw05.id, kind: 'based-on', scope: 'Trung ương' });
    expect(g.outgoing.get(b.id)![0]!.target).toBe(tw05.id);
    expect(
      g.incoming
        .get(tw05.id)!
        .map((c) => c.from)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });

  test('same number twice in a province: the cited date decides, else ambiguous, and never a later directive', () => {
    const old = node({ number: '05-CT/TU', issuer: 'tu-bt', issued: '2011-06-01' });
    const recent = node({ number: '05-CT/TU', issuer: 'tu-bt', issued: '2016-07-01' });
    const dated = node(
      { number: '20-KH/ĐUK', type: 'ke-hoach', issuer: 'duk-bt', issued: '2018-01-01' },
      'Chỉ thị số 05-CT/TU, ngày 01/6/2011 của Ban Thường vụ Tỉnh ủy',
    );
    const undated = node(
      { number: '21-KH/ĐUK', type: 'ke-hoach', issuer: 'duk-bt', issued: '2018-01-02' },
      'Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy',
    );
    const early = node(
      { number: '22-KH/ĐUK', type: 'ke-hoach', issuer: 'duk-bt', issued: '2013-01-02' },
      'Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy',
    );
    const g = buildReferenceGraph([old, recent, dated, undated, early], registry);
    expect(g.outgoing.get(dated.id)![0]).toMatchObject({ status: 'resolved', target: old.id });
    expect(g.outgoing.get(undated.id)![0]).toMatchObject({ status: 'ambiguous', target: null, candidates: [old.id, recent.id] });
    expect(g.ambiguous).toEqual([{ from: undated.id, reference: expect.objectContaining({ number: '05-CT/TU' }) }]);
    expect(g.outgoing.get(early.id)![0]).toMatchObject({ status: 'resolved', target: old.id });
  });

  test('a dated citation whose date matches nothing is missing, not resolved to another date', () => {
    const citing = node(
      { number: '23-KH/ĐUK', type: 'ke-hoach', issuer: 'duk-bt', issued: '2021-01-01' },
      'Chỉ thị số 01-CT/TU, ngày 02/02/2019 của Ban Thường vụ Tỉnh ủy',
    );
    const g = buildReferenceGraph([bt01, citing], registry);
    expect(g.outgoing.get(citing.id)![0]).toMatchObject({ status: 'missing', target: null });
    expect(g.missing).toEqual([
      {
        number: '01-CT/TU',
        scope: 'Bến Tre',
        citedBy: [{ id: citing.id, text: 'Chỉ thị số 01-CT/TU, ngày 02/02/2019 của Ban Thường vụ Tỉnh ủy' }],
      },
    ]);
  });

  test('the named body breaks a tie', () => {
    const tu = node({ number: '07-HD/TU', type: 'huong-dan', issuer: 'tu-bt', issued: '2019-01-01' });
    const hu1 = node({ number: '07-HD/HU', type: 'huong-dan', issuer: 'hu-cl', issued: '2019-01-01' });
    const hu2 = node({ number: '07-HD/HU', type: 'huong-dan', issuer: 'hu-gt', issued: '2019-01-01' });
    const citing = node(
      { number: '24-KH/ĐUK', type: 'ke-hoach', issuer: 'duk-bt', issued: '2020-01-01' },
      'Hướng dẫn số 07-HD/HU của Huyện ủy Giồng Trôm và Hướng dẫn số 07-HD/TU',
    );
    const g = buildReferenceGraph([tu, hu1, hu2, citing], registry);
    expect(g.outgoing.get(citing.id)!.map((r) => r.target)).toEqual([hu2.id, tu.id]);
  });

  test('a district code cited by a district directive resolves in its own district', () => {
    const hu1 = node({ number: '02-NQ/HU', type: 'nghi-quyet', issuer: 'hu-cl', issued: '2019-01-01' });
    const hu2 = node({ number: '02-NQ/HU', type: 'nghi-quyet', issuer: 'hu-gt', issued: '2019-01-01' });
    const citing = node({ number: '09-CT/HU', issuer: 'hu-gt', issued: '2020-01-01' }, 'thực hiện Nghị quyết số 02-NQ/HU');
    const g = buildReferenceGraph([hu1, hu2, citing], registry);
    expect(g.outgoing.get(citing.id)![0]!.target).toBe(hu2.id);
  });

  test('frontmatter relations correct and add to detection', () => {
    const old = node({ number: '05-CT/TU', issuer: 'tu-bt', issued: '2011-06-01' });
    const recent = node({ number: '05-CT/TU', issuer: 'tu-bt', issued: '2016-07-01' });
    const citing = node(
      {
        number: '25-KH/ĐUK',
        type: 'ke-hoach',
        issuer: 'duk-bt',
        issued: '2018-01-01',
        relations: [
          { kind: 'implements', number: '05-CT/TU', issued: '2016-07-01' },
          { kind: 'replaces', target: bt01.id },
        ],
      },
      'Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy',
    );
    const g = buildReferenceGraph([old, recent, bt01, citing], registry);
    const out = g.outgoing.get(citing.id)!;
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ status: 'resolved', target: recent.id, kind: 'implements', source: 'relation' });
    expect(out[1]).toMatchObject({ status: 'resolved', target: bt01.id, kind: 'replaces' });
    expect(g.ambiguous).toEqual([]);
    expect(g.incoming.get(bt01.id)).toEqual([{ from: citing.id, kind: 'replaces', parts: [], evidence: '' }]);
  });

  test('a citation repeated in the subject and the body counts once', () => {
    const citing = node(
      {
        number: '26-KH/ĐUK',
        type: 'ke-hoach',
        issuer: 'duk-bt',
        issued: '2021-01-01',
        title: 'Thực hiện Chỉ thị số 01-CT/TU của Ban Thường vụ Tỉnh ủy',
      },
      'Căn cứ Chỉ thị số 01-CT/TU, ngày 17/10/2020',
    );
    const g = buildReferenceGraph([bt01, citing], registry);
    expect(g.outgoing.get(citing.id)).toHaveLength(1);
    expect(g.incoming.get(bt01.id)).toHaveLength(1);
  });
});

describe('what is in force', () => {
  const change = (kind: 'replaces' | 'repeals' | 'amends' | 'cites', issued: string, from = `x/${issued}`) => ({
    kind,
    from,
    issued,
    evidence: `${kind} ${issued}`,
  });

  test('a replacement or repeal ends it (the earliest counts); an amendment leaves it in force as amended', () => {
    expect(directiveStatus({}, [], '2026-01-01')).toEqual({ key: 'con-hieu-luc', changes: [], note: null });
    expect(directiveStatus({}, [change('amends', '2020-01-01'), change('cites', '2021-01-01')], '2026-01-01')).toMatchObject({
      key: 'da-sua-doi',
      changes: [{ kind: 'amends' }],
    });
    const s = directiveStatus(
      {},
      [change('amends', '2019-01-01'), change('repeals', '2022-01-01'), change('replaces', '2021-01-01')],
      '2026-01-01',
    );
    expect(s.key).toBe('bi-thay-the');
    // Every act is kept, the latest first, with the sentence that says so.
    expect(s.changes.map((c) => c.evidence)).toEqual(['repeals 2022-01-01', 'replaces 2021-01-01', 'amends 2019-01-01']);
  });

  test('its own frontmatter: an explicit status wins, an expiry date in the past ends it', () => {
    expect(
      directiveStatus({ status: 'het-hieu-luc', statusNote: 'Hết thời hạn thực hiện' }, [change('amends', '2020-01-01')], '2026-01-01'),
    ).toMatchObject({
      key: 'het-hieu-luc',
      note: 'Hết thời hạn thực hiện',
    });
    expect(directiveStatus({ expires: '2025-12-31' }, [], '2026-01-01').key).toBe('het-hieu-luc');
    expect(directiveStatus({ expires: '2026-12-31' }, [], '2026-01-01').key).toBe('con-hieu-luc');
  });

  test('the graph keeps the sentence that says a directive replaces another, and the citation of its own number dated', () => {
    const node = (number: string, issued: string, text: string) => ({
      id: `bt/${issued}`,
      data: directiveSchema.parse({ number, type: 'chi-thi', title: 'Về công tác dân vận', issuer: 'tu-bt', issued }),
      text,
    });
    const old = node('05-CT/TU', '2011-06-01', 'Chỉ thị cũ.');
    const now = node(
      '05-CT/TU',
      '2016-07-01',
      'Mở đầu. Chỉ thị này thay thế Chỉ thị số 05-CT/TU ngày 01/6/2011 của Ban Thường vụ Tỉnh ủy. Hết.',
    );
    const g = buildReferenceGraph([old, now], registry);
    expect(g.incoming.get(old.id)).toEqual([
      {
        from: now.id,
        kind: 'replaces',
        parts: [],
        evidence: 'Chỉ thị này thay thế Chỉ thị số 05-CT/TU ngày 01/6/2011 của Ban Thường vụ Tỉnh ủy.',
      },
    ]);
  });
});
