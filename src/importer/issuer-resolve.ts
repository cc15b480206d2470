/**
 * Issuer block lines → registry entries. `TỈNH ỦY TUYÊN QUANG` / `BAN DÂN VẬN` is the Ban Dân vận of the
 * Tỉnh ủy Tuyên Quang; `ĐẢNG BỘ TỈNH BẾN TRE` / `ĐẢNG ỦY KHỐI` / `CƠ QUAN - DOANH NGHIỆP TỈNH` is one body
 * wrapped over two lines under the Tỉnh ủy Bến Tre; `UBND TỈNH NAM ĐỊNH` / `SỞ Y TẾ` is the Sở Y tế of Nam Định;
 * `ỦY BAN NHÂN DÂN` / `ỦY BAN MTTQ VIỆT NAM` / `TỈNH ĐẮK LẮK` is a joint document of two bodies of Đắk Lắk.
 * A central header (`BAN CHẤP HÀNH TRUNG ƯƠNG`) names the acting body only in the signing block or the enacting
 * line or sentence (Bộ Chính trị, Ban Bí thư). Existing registry entries are matched first (same folded name, or
 * same province + code for the issuer); bodies and provinces not in the registry are returned as additions,
 * never written here.
 */
import { normalizeCode } from '../model/doc-types.ts';
import type { ParsedNumber } from '../model/numbers.ts';
import type { Issuer, IssuerFamily, Province, Registry } from '../model/schema.ts';
import { foldVietnamese, slugify } from '../model/text.ts';
import { nameCase, personName } from './casing.ts';
import { lookupProvince, provinceAtEnd, provinceKey } from '../model/provinces.ts';

type Level = Issuer['level'];

/** A body as read from the header, before matching the registry. */
interface BodyDraft {
  name: string;
  code: string;
  family: IssuerFamily;
  level: Level;
  province?: { name: string; city: boolean } | undefined;
  locality?: string | undefined;
  header?: string[] | undefined;
  /** How a sub-body names itself relative to this one: `Ban Dân vận` + `Tỉnh ủy Tuyên Quang`. */
  suffixForBoards: string;
  /** Same for party committees and state agencies under it: `Đảng ủy Khối ...` + `tỉnh Bến Tre`. */
  suffixForUnits: string;
  kind: 'committee' | 'people' | 'central' | 'sub';
}

export type ResolveResult =
  | { ok: true; issuer: Issuer; coIssuers: Issuer[]; additions: { provinces: Province[]; issuers: Issuer[] }; guesses: string[] }
  | { ok: false; reason: string };

const STARTS_BODY =
  /^(dang bo|dang uy|tinh uy|thanh uy|huyen uy|quan uy|thi uy|chi bo|ban|so|uy ban|ubnd|hdnd|hoi dong|van phong|phong|cuc|chi cuc|tong cuc|bo|trung tam|doan|tinh doan|thanh doan|mat tran|hoi|lien doan|cong an|truong|benh vien|vien|chinh phu|quoc hoi|toa an|kiem toan|ngan hang)\b/u;
/** First pieces of names that a copy cut over two lines (`ỦY` / `BAN NHÂN DÂN`). */
const NAME_STARTS = [
  'uy ban nhan dan',
  'hoi dong nhan dan',
  'ban chap hanh',
  'uy ban mat tran',
  'uy ban mttq',
  'dang uy khoi',
  'ban thuong vu',
  'ban bi thu',
];

/** Damaged names a copy or OCR leaves (`Y BAN NHÂN DÂN`, `ƯBND`), and the committee's term after its name. */
export function repairIssuerLine(line: string): { text: string; repaired: boolean } {
  let t = line.trim().replace(/\s+/g, ' ');
  const before = t;
  t = t
    .replace(/^[*\s]+/u, '')
    .replace(/^Y BAN (?=NHÂN DÂN|MTTQ|MẶT TRẬN)/u, 'ỦY BAN ')
    .replace(/^ƯBND\b/u, 'UBND')
    .replace(/^HÐND\b/u, 'HĐND')
    .replace(/\s+(KHÓA|KHOÁ|KHOA)\s+[IVXLC]+\b.*$/u, '')
    .replace(/\s+NHIỆM KỲ\s+\d{4}\s*-\s*\d{4}$/u, '')
    .replace(/[*.,;:\s]+$/u, '');
  return { text: t, repaired: t !== before };
}

/** Wrapped issuer names: a line that does not start with a body word continues the line above. */
export function joinIssuerLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const t = l.trim().replace(/\s+/g, ' ');
    const prev = out.at(-1);
    const f = foldVietnamese(t);
    const joined = prev !== undefined ? foldVietnamese(`${prev} ${t}`) : '';
    const cutName = prev !== undefined && NAME_STARTS.some((s) => joined.startsWith(s) && s.length > foldVietnamese(prev).length);
    if (prev !== undefined && (cutName || !STARTS_BODY.test(f))) out[out.length - 1] = `${prev} ${t}`;
    else out.push(t);
  }
  return out;
}

/** Initials of a name, for bodies whose code no number shows: `Tỉnh ủy` → `TU`, `Sở Y tế` → `SYT`. */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toLocaleUpperCase('vi'))
    .join('');
}

const placeName = (raw: string) => {
  const known = lookupProvince(raw);
  return known ?? { name: personName(raw.toLocaleUpperCase('vi')), city: false };
};

const UNIT_WORDS: Record<string, { word: string; level: Level }> = {
  tinh: { word: 'tỉnh', level: 'province' },
  'thanh pho': { word: 'thành phố', level: 'province' },
  huyen: { word: 'huyện', level: 'district' },
  quan: { word: 'quận', level: 'district' },
  'thi xa': { word: 'thị xã', level: 'district' },
  xa: { word: 'xã', level: 'commune' },
  phuong: { word: 'phường', level: 'commune' },
  'thi tran': { word: 'thị trấn', level: 'commune' },
};
const UNIT_RE = '(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)';

/** Original-text words after the first `n` words (folding keeps word count, so indexes line up). */
const wordsAfter = (t: string, n: number) => t.split(' ').slice(n).join(' ');

/** Mass organisations: the Front, the Đoàn, the unions and associations. */
const MASS =
  /^(uy ban (mat tran to quoc|mttq)( viet nam)?|mat tran to quoc( viet nam)?|(tinh|thanh|huyen|quan|thi) doan|ban chap hanh doan|doan (tncs|thanh nien)|hoi (lien hiep phu nu|nong dan|cuu chien binh|chu thap do|nguoi cao tuoi|khuyen hoc|luat gia|nha bao|van hoc)|lien doan lao dong|lien hiep cac hoi)\b/u;
const MASS_NATIONAL =
  /^(uy ban trung uong mat tran to quoc viet nam|trung uong doan( tncs ho chi minh)?|tong lien doan lao dong viet nam|trung uong hoi .+)$/u;
const STATE_NATIONAL =
  /^(bo|chinh phu|thu tuong chinh phu|van phong chinh phu|quoc hoi|uy ban thuong vu quoc hoi|van phong quoc hoi|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao|kiem toan nha nuoc|ngan hang nha nuoc( viet nam)?|thanh tra chinh phu|uy ban dan toc)\b/u;

interface DescribeContext {
  family: 'party' | 'state';
  doan: boolean;
  placeHint: { name: string; city: boolean } | undefined;
}

function describe(line: string, parent: BodyDraft | null, ctx: DescribeContext, guesses: string[]): BodyDraft | { error: string } {
  // `BAN CHẤP HÀNH ĐẢNG BỘ TỈNH X` is the Tỉnh ủy X by its full name.
  const t = line.replace(/^BAN CHẤP HÀNH (?=ĐẢNG BỘ )/u, '');
  const f = foldVietnamese(t).replace(/\s+/g, ' ');
  const ctxProvince = parent?.province;
  let m: RegExpExecArray | null;

  if (/^ban chap hanh trung uong( dang)?$/.test(f) && ctx.doan) {
    const name = 'Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh';
    return {
      name,
      code: 'TWĐTN',
      family: 'mass',
      level: 'national',
      suffixForBoards: 'Trung ương Đoàn TNCS Hồ Chí Minh',
      suffixForUnits: 'Trung ương Đoàn TNCS Hồ Chí Minh',
      kind: 'central',
    };
  }
  if (/^ban chap hanh trung uong( dang)?$/.test(f)) {
    return {
      name: 'Ban Chấp hành Trung ương Đảng',
      code: 'TW',
      family: 'party',
      level: 'national',
      suffixForBoards: 'Trung ương',
      suffixForUnits: 'Trung ương',
      kind: 'central',
    };
  }
  if (/^(bo chinh tri|ban bi thu)$/.test(f)) {
    const name = f === 'bo chinh tri' ? 'Bộ Chính trị' : 'Ban Bí thư';
    return { name, code: 'TW', family: 'party', level: 'national', suffixForBoards: name, suffixForUnits: name, kind: 'central' };
  }
  // Provincial party committee: `ĐẢNG BỘ TỈNH BẾN TRE`, `TỈNH ỦY TUYÊN QUANG`, `THÀNH ỦY HÀ NỘI`, or a bare `TỈNH ỦY` under one.
  if ((m = /^dang bo (tinh|thanh pho) (.+)$/.exec(f)) && !(ctxProvince && m[1] === 'thanh pho')) {
    return provinceCommittee(placeName(wordsAfter(t, m[1] === 'tinh' ? 3 : 4)), m[1] === 'thanh pho');
  }
  if ((m = /^(tinh|thanh) uy(?: (.+))?$/.exec(f))) {
    const named = m[2] ? placeName(wordsAfter(t, 2)) : undefined;
    if (!named || !ctxProvince || provinceKey(named.name) === provinceKey(ctxProvince.name)) {
      const p = named ?? ctxProvince ?? ctx.placeHint;
      if (!p) return { error: `"${t}" không ghi tên tỉnh` };
      if (!named && !ctxProvince) guesses.push(`"${t}" không ghi tên tỉnh; theo địa danh nơi ban hành, đó là ${p.name}`);
      if (parent && parent.kind === 'committee' && parent.level === 'province' && !named) return parent;
      return provinceCommittee(p, m[1] === 'thanh' || p.city);
    }
  }
  // District and commune party committees.
  if ((m = /^(huyen|quan|thi|thanh) uy (.+)$/.exec(f)) || (m = /^dang bo (huyen|quan|thi xa|thanh pho) (.+)$/.exec(f))) {
    const isDangBo = f.startsWith('dang bo');
    const unit = m[1]!;
    const locality = personName(wordsAfter(t, isDangBo ? 2 + unit.split(' ').length : 2).toLocaleUpperCase('vi'));
    const word = { huyen: 'Huyện ủy', quan: 'Quận ủy', thi: 'Thị ủy', 'thi xa': 'Thị ủy', thanh: 'Thành ủy', 'thanh pho': 'Thành ủy' }[
      unit
    ]!;
    const name = `${word} ${locality}`;
    const province = ctxProvince ?? localProvince(name, ctx, guesses);
    return {
      name,
      code: initials(word),
      family: 'party',
      level: 'district',
      province,
      locality,
      suffixForBoards: name,
      suffixForUnits: `${UNIT_WORDS[unit === 'thi' ? 'thi xa' : unit === 'thanh' ? 'thanh pho' : unit]?.word ?? 'huyện'} ${locality}`,
      kind: 'committee',
    };
  }
  // People's committees and councils: `ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH`, `UBND HUYỆN YÊN SƠN`; a council whose
  // province line the copy lost takes the place of issue when that is a province (`HỘI ĐỒNG NHÂN DÂN`, Thanh Hóa).
  if ((m = new RegExp(`^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)(?: ${UNIT_RE} (.+))?$`, 'u').exec(f))) {
    const council = m[1]!.startsWith('h');
    if (!m[2]) {
      const p = ctxProvince ?? ctx.placeHint;
      if (!p || !lookupProvince(p.name))
        return { error: `"${t}" không ghi tên tỉnh, huyện hay xã (thiếu dòng tên địa phương ở đầu văn bản)` };
      guesses.push(
        `"${t}" không ghi tên địa phương; theo địa danh nơi ban hành, đó là ${council ? 'Hội đồng nhân dân' : 'Ủy ban nhân dân'} ${p.city ? 'thành phố' : 'tỉnh'} ${p.name}`,
      );
      return people(council, UNIT_WORDS[p.city ? 'thanh pho' : 'tinh']!, p, undefined);
    }
    const unit = UNIT_WORDS[m[2]!]!;
    const skip = m[1]!.split(' ').length + m[2]!.split(' ').length;
    const rawPlace = wordsAfter(t, skip);
    const isProvince = unit.level === 'province' && !(ctxProvince && m[2] === 'thanh pho');
    if (isProvince) return people(council, unit, placeName(rawPlace), undefined);
    const locality = personName(rawPlace.toLocaleUpperCase('vi'));
    const name = `${council ? 'Hội đồng nhân dân' : 'Ủy ban nhân dân'} ${unit.word} ${locality}`;
    return people(
      council,
      unit.level === 'province' ? { word: unit.word, level: 'district' } : unit,
      ctxProvince ?? localProvince(name, ctx, guesses),
      locality,
    );
  }
  // National bodies: `BỘ Y TẾ`, `CHÍNH PHỦ`, `ỦY BAN THƯỜNG VỤ QUỐC HỘI`, `TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH`.
  if (!parent && MASS_NATIONAL.test(f)) {
    const name = nameCase(t);
    return { name, code: initials(name), family: 'mass', level: 'national', suffixForBoards: name, suffixForUnits: name, kind: 'central' };
  }
  if (!parent && STATE_NATIONAL.test(f) && !provinceAtEnd(t)) {
    const name = nameCase(t);
    return { name, code: initials(name), family: 'state', level: 'national', suffixForBoards: name, suffixForUnits: name, kind: 'central' };
  }
  // A body under the one above (or naming its province at the end: `SỞ Y TẾ NAM ĐỊNH`, `ỦY BAN MTTQ VIỆT NAM TỈNH ĐẮK LẮK`).
  let own = t;
  let province = ctxProvince;
  const tail = provinceAtEnd(t);
  if (tail?.rest && (!ctxProvince || provinceKey(tail.province.name) === provinceKey(ctxProvince.name))) {
    own = tail.rest.replace(/\s+(TỈNH|THÀNH PHỐ)$/u, '');
    province = tail.province;
  }
  if (!parent && !province) return { error: `không rõ "${t}" thuộc cơ quan nào, tỉnh nào (thiếu dòng cơ quan cấp trên ở đầu văn bản)` };
  const ownName = nameCase(own.replace(/\bMTTQ\b/u, 'MẶT TRẬN TỔ QUỐC'));
  const endsWithUnit = /\s(tỉnh|thành phố|huyện|quận|xã|phường)$/u.test(ownName);
  const isCommittee = /^(đảng ủy|đảng uỷ|chi bộ)/iu.test(ownName);
  const isMass = MASS.test(foldVietnamese(ownName));
  let name: string;
  if (endsWithUnit) name = `${ownName} ${parent?.locality ?? province?.name ?? ''}`.trim();
  else if (!parent) name = `${ownName} ${province!.city ? 'thành phố' : 'tỉnh'} ${province!.name}`;
  else if (isCommittee || parent.kind === 'people') name = `${ownName} ${parent.suffixForUnits}`;
  else name = `${ownName} ${parent.suffixForBoards}`;
  const level: Level = parent?.level ?? 'province';
  const family: IssuerFamily = isMass ? 'mass' : parent ? parent.family : ctx.family;
  return {
    name,
    code: initials(ownName),
    family,
    level,
    province,
    locality: parent?.locality,
    suffixForBoards: name,
    suffixForUnits: isCommittee ? name : (parent?.suffixForUnits ?? name),
    kind: isCommittee ? 'committee' : 'sub',
  };
}

function people(
  council: boolean,
  unit: { word: string; level: Level },
  p: { name: string; city: boolean } | undefined,
  locality: string | undefined,
): BodyDraft {
  const placeText = locality ?? p!.name;
  const name = `${council ? 'Hội đồng nhân dân' : 'Ủy ban nhân dân'} ${unit.word} ${placeText}`;
  return {
    name,
    code: council ? 'HĐND' : 'UBND',
    family: 'state',
    level: unit.level,
    province: p,
    locality,
    suffixForBoards: `${unit.word} ${placeText}`,
    suffixForUnits: `${unit.word} ${placeText}`,
    kind: 'people',
  };
}

/** A district or commune body whose header names no province: the province the text names most, as a guess. */
function localProvince(name: string, ctx: DescribeContext, guesses: string[]): { name: string; city: boolean } | undefined {
  const p = ctx.placeHint && lookupProvince(ctx.placeHint.name) ? ctx.placeHint : undefined;
  if (p) guesses.push(`${name}: đầu văn bản không ghi tỉnh; đoán là ${p.name} (theo văn bản)`);
  return p;
}

function provinceCommittee(p: { name: string; city: boolean }, city: boolean): BodyDraft {
  const name = `${city ? 'Thành ủy' : 'Tỉnh ủy'} ${p.name}`;
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  return {
    name,
    code: 'TU',
    family: 'party',
    level: 'province',
    province: p,
    suffixForBoards: name,
    suffixForUnits: `${city ? 'thành phố' : 'tỉnh'} ${p.name}`,
    kind: 'committee',
    header: [`ĐẢNG BỘ ${city ? 'THÀNH PHỐ' : 'TỈNH'} ${upper(p.name)}`, city ? 'THÀNH ỦY' : 'TỈNH ỦY'],
  };
}

export interface ResolveInput {
  issuerLines: readonly string[];
  number: ParsedNumber;
  /** `T/M Bộ Chính trị`: under a `BAN CHẤP HÀNH TRUNG ƯƠNG` header, the signing body is the issuer. */
  authority?: string | undefined;
  /** The enacting line or the body named in the enacting sentence (`Ban Bí thư quy định ...`). */
  acting?: string | undefined;
  /** `ĐOÀN TNCS HỒ CHÍ MINH` is the title line: a Đoàn document. */
  doan?: boolean | undefined;
  /** Province names the rest of the document gives (place of issue, portal metadata, the text), best first. */
  provinceHints?: readonly string[] | undefined;
}

const LOCAL_UNIT = /^(.*?)\s*((?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+.+)$/u;
const PLACELESS_TOP =
  /^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|uy ban (mat tran to quoc|mttq)( viet nam)?|ban thuong vu|ban chap hanh doan)$/u;

/**
 * Joint documents: two bodies of one place share the place line (`ỦY BAN NHÂN DÂN` / `ỦY BAN MTTQ VIỆT NAM` /
 * `TỈNH ĐẮK LẮK`). Returns each body's full line, or null when the block names one body.
 */
export function jointBodies(bodies: readonly string[]): (string[] & { place: string }) | null {
  if (bodies.length < 2) return null;
  const last = bodies.at(-1)!;
  const m = LOCAL_UNIT.exec(last);
  if (!m?.[1]) return null;
  const heads = [...bodies.slice(0, -1), m[1]];
  if (!heads.every((h) => PLACELESS_TOP.test(foldVietnamese(h).replace(/\s+/g, ' ')))) return null;
  return Object.assign(
    heads.map((h) => `${h} ${m[2]}`),
    { place: m[2]! },
  );
}

function actingBody(final: BodyDraft, input: ResolveInput): BodyDraft | null {
  if (final.kind !== 'central' || final.family === 'state') return null;
  for (const source of [input.authority, input.acting]) {
    if (!source) continue;
    const fa = foldVietnamese(source);
    if (final.family === 'mass') {
      const named = /ban bi thu/.test(fa) ? 'Ban Bí thư' : /ban thuong vu/.test(fa) ? 'Ban Thường vụ' : null;
      if (named) {
        const name = `${named} ${final.suffixForBoards}`;
        return { ...final, name, suffixForBoards: name, suffixForUnits: name };
      }
      continue;
    }
    const named = /bo chinh tri/.test(fa) ? 'Bộ Chính trị' : /ban bi thu/.test(fa) ? 'Ban Bí thư' : null;
    if (named)
      return {
        name: named,
        code: 'TW',
        family: 'party',
        level: 'national',
        suffixForBoards: named,
        suffixForUnits: named,
        kind: 'central',
        header: final.header,
      };
  }
  return null;
}

export function resolveIssuer(input: ResolveInput, registry: Registry): ResolveResult {
  if (!input.issuerLines.length)
    return { ok: false, reason: 'không thấy tên cơ quan ban hành ở đầu văn bản (các dòng chữ in hoa phía trên số hiệu)' };
  const guesses: string[] = [];
  const repaired = input.issuerLines.map(repairIssuerLine);
  for (const [i, r] of repaired.entries()) if (r.repaired) guesses.push(`đọc dòng cơ quan «${input.issuerLines[i]}» là «${r.text}»`);
  // The formal layout prints the lines as the body wrote them, without the damage or the stray `*`.
  const cleanLines = repaired.map((r) => r.text).filter(Boolean);
  const bodies = joinIssuerLines(cleanLines);
  const hint = input.provinceHints?.map((h) => lookupProvince(h)).find((p) => p);
  const ctx: DescribeContext = { family: input.number.family, doan: !!input.doan, placeHint: hint };

  const chains: BodyDraft[][] = [];
  const joint = jointBodies(bodies);
  for (const group of joint?.map((b) => [b]) ?? [bodies]) {
    const drafts: BodyDraft[] = [];
    for (const b of group) {
      const d = describe(b, drafts.at(-1) ?? null, ctx, guesses);
      if ('error' in d) return { ok: false, reason: d.error };
      if (drafts.at(-1) !== d) drafts.push(d);
    }
    chains.push(drafts);
  }
  // Politburo and Secretariat documents carry the Central Committee header (the Đoàn's likewise).
  const primary = chains[0]!;
  const acting = actingBody(primary.at(-1)!, input);
  if (acting) primary.push(acting);
  // The number's codes name the issuers: the first for the primary, the others (joint numbers) for the rest.
  const codes = [input.number.issuerCode, ...(input.number.unit?.split('-') ?? [])];
  chains.forEach((c, k) => {
    const final = c.at(-1)!;
    if (k === 0) final.code = input.number.issuerCode;
    else if (codes[k]) final.code = codes[k]!;
    // A joint block's bodies each keep their own lines: the name, then the place line they shared.
    final.header = joint ? [joint[k]!.slice(0, joint[k]!.length - joint.place.length).trim(), joint.place] : cleanLines;
  });

  const provinces = registry.provinces.slice();
  const issuers = registry.issuers.slice();
  const added = { provinces: [] as Province[], issuers: [] as Issuer[] };

  const provinceId = (p: { name: string } | undefined): string | undefined => {
    if (!p) return undefined;
    const k = provinceKey(p.name);
    const found = provinces.find((x) => provinceKey(x.name) === k || x.id === slugify(p.name));
    if (found) return found.id;
    const created = { id: slugify(p.name), name: p.name };
    provinces.push(created);
    added.provinces.push(created);
    return created.id;
  };

  const resolved: Issuer[] = [];
  for (const drafts of chains) {
    let parentId: string | undefined;
    let last: Issuer | undefined;
    for (const [i, d] of drafts.entries()) {
      const isFinal = i === drafts.length - 1;
      const prov = d.level === 'national' ? undefined : provinceId(d.province);
      if (d.level !== 'national' && !prov)
        return {
          ok: false,
          reason: `không xác định được tỉnh của "${d.name}"; thêm dòng cơ quan cấp trên (ví dụ TỈNH ỦY ...), ghi province trong tệp .meta.yaml bên cạnh, hoặc thêm cơ quan vào content/issuers.yaml`,
        };
      const fname = foldVietnamese(d.name);
      // District names repeat across provinces (Châu Thành is in ten): a name matches only in its own province.
      let match = issuers.find((x) => x.province === prov && foldVietnamese(x.name) === fname);
      if (!match && (isFinal || d.kind === 'committee' || d.kind === 'people')) {
        match = issuers.find(
          (x) =>
            x.family === d.family &&
            x.level === d.level &&
            x.province === prov &&
            normalizeCode(x.code) === normalizeCode(d.code) &&
            (x.locality ?? '') === (d.locality ?? '') &&
            (d.level !== 'national' || foldVietnamese(x.name) === fname),
        );
      }
      if (!match) {
        const created: Issuer = {
          id: freeId(slugify(d.name), prov, issuers),
          name: d.name,
          code: d.code,
          family: d.family,
          level: d.level,
        };
        if (prov) created.province = prov;
        if (d.locality) created.locality = d.locality;
        if (parentId) created.parent = parentId;
        if (d.header?.length) created.header = d.header;
        issuers.push(created);
        added.issuers.push(created);
        match = created;
      }
      parentId = match.id;
      last = match;
    }
    resolved.push(last!);
  }
  const issuer = resolved[0]!;
  if (
    issuer.family === 'party' &&
    input.number.family === 'party' &&
    normalizeCode(issuer.code) !== normalizeCode(input.number.issuerCode)
  ) {
    return {
      ok: false,
      reason: `mã cơ quan "${input.number.issuerCode}" trong số hiệu khác mã "${issuer.code}" của ${issuer.name} (id ${issuer.id}) trong content/issuers.yaml; kiểm tra lại đầu văn bản hoặc sổ đăng ký`,
    };
  }
  return { ok: true, issuer, coIssuers: resolved.slice(1), additions: added, guesses };
}

/** A new issuer's id: its slug, or with the province appended when another body already holds it. */
function freeId(base: string, province: string | undefined, issuers: readonly Issuer[]): string {
  const taken = new Set(issuers.map((x) => x.id));
  if (!taken.has(base)) return base;
  const withProvince = province && !base.endsWith(province) ? `${base}-${province}` : base;
  let id = withProvince;
  for (let n = 2; taken.has(id); n++) id = `${withProvince}-${n}`;
  return id;
}
