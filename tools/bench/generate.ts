/**
 * Deterministic generator of raw directives (.txt, shaped like the seeds) for the benchmark:
 * `node tools/bench/generate.ts --size 1000 --seed 1 --out .bench/raw`.
 * Party and State bodies of many provinces, all common types, ten years of dates, bodies of a few hundred
 * to a few thousand words, citations of earlier directives of the same province and of central ones.
 * One directive is held back (written to `extraDir`) and cited by an earlier-generated one, so the benchmark
 * can add it later and check that the citation becomes a link.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatShortDate, formatVietnameseDate, toIso } from '../../src/model/dates.ts';
import { docType, type DocTypeKey } from '../../src/model/doc-types.ts';

/** mulberry32: small, fast, good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const upper = (s: string) => s.toLocaleUpperCase('vi');
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

// Province names as the importer knows them (no centrally-run cities: their bodies are `Thành ủy`).
// District names are unique across provinces: the importer matches a `Huyện ủy` by name alone.
const PROVINCES = [
  'Tuyên Quang',
  'Bến Tre',
  'Nam Định',
  'Hà Tĩnh',
  'Quảng Nam',
  'Bắc Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Lâm Đồng',
  'Quảng Ninh',
  'An Giang',
  'Bắc Giang',
  'Bình Định',
  'Cà Mau',
  'Cao Bằng',
  'Đắk Lắk',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hải Dương',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Lạng Sơn',
  'Lào Cai',
  'Long An',
  'Ninh Bình',
  'Phú Thọ',
  'Quảng Bình',
  'Quảng Ngãi',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Tiền Giang',
  'Trà Vinh',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];
const DISTRICTS = [
  'Yên Sơn',
  'Sơn Dương',
  'Châu Thành',
  'Giồng Trôm',
  'Hải Hậu',
  'Xuân Trường',
  'Can Lộc',
  'Đức Thọ',
  'Duy Xuyên',
  'Thăng Bình',
  'Tiên Du',
  'Gia Bình',
  'Hoằng Hóa',
  'Quảng Xương',
  'Diễn Châu',
  'Yên Thành',
  'Đức Trọng',
  'Di Linh',
  'Hoành Bồ',
  'Tiên Yên',
  'Tịnh Biên',
  'Lục Nam',
  'Phù Cát',
  'Năm Căn',
  'Trùng Khánh',
  'Krông Pắc',
  'Cao Lãnh',
  'Chư Sê',
  'Bắc Mê',
  'Cẩm Giàng',
  'Khoái Châu',
  'Diên Khánh',
  'Giồng Riềng',
  'Tràng Định',
  'Bảo Thắng',
  'Đức Hòa',
  'Gia Viễn',
  'Thanh Ba',
  'Lệ Thủy',
  'Bình Sơn',
  'Mỹ Tú',
  'Mộc Châu',
  'Gò Dầu',
  'Kiến Xương',
  'Đại Từ',
  'Cái Bè',
  'Cầu Ngang',
  'Vũng Liêm',
  'Tam Dương',
  'Lục Yên',
];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Vương'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Thúy', 'Ngọc', 'Xuân', 'Hồng', 'Công'];
const GIVEN = [
  'Hằng',
  'Dự',
  'Phong',
  'Bình',
  'Sơn',
  'Hạnh',
  'Đức',
  'An',
  'Hùng',
  'Lan',
  'Tâm',
  'Thắng',
  'Yên',
  'Hải',
  'Nam',
  'Trung',
  'Hương',
  'Tuấn',
];

interface Body {
  id: string;
  province: string | null;
  district?: string;
  family: 'party' | 'state';
  header: string[];
  /** Issuer code in numbers (`TU`, `BDVTU`, `UBND`). */
  code: string;
  /** How others cite it: `Ban Thường vụ Tỉnh ủy`. */
  citedAs: string;
  /** How it names itself in its own text. */
  self: string;
  types: DocTypeKey[];
  weight: number;
  sign: { authority: string; office: string }[];
  place: string;
}

function provinceBodies(p: string, i: number): Body[] {
  const P = upper(p);
  const d = DISTRICTS[i % DISTRICTS.length]!;
  const base = { province: p, family: 'party' as const, place: p };
  const board = (name: string, code: string, w: number): Body => ({
    ...base,
    id: `${code}-${p}`,
    header: [`TỈNH ỦY ${P}`, upper(name)],
    code,
    citedAs: `${name} Tỉnh ủy`,
    self: `${name} Tỉnh ủy`,
    types: ['cong-van', 'ke-hoach', 'huong-dan', 'bao-cao', 'thong-bao', 'chuong-trinh'],
    weight: w,
    sign: [
      { authority: 'K/T TRƯỞNG BAN', office: 'PHÓ TRƯỞNG BAN' },
      { authority: '', office: 'TRƯỞNG BAN' },
    ],
  });
  return [
    {
      ...base,
      id: `TU-${p}`,
      header: [`ĐẢNG BỘ TỈNH ${P}`, 'TỈNH ỦY'],
      code: 'TU',
      citedAs: 'Ban Thường vụ Tỉnh ủy',
      self: 'Ban Thường vụ Tỉnh ủy',
      types: [
        'chi-thi',
        'nghi-quyet',
        'ket-luan',
        'thong-bao',
        'ke-hoach',
        'chuong-trinh',
        'quyet-dinh',
        'huong-dan',
        'cong-van',
        'bao-cao',
      ],
      weight: 30,
      sign: [
        { authority: 'T/M BAN THƯỜNG VỤ', office: 'BÍ THƯ' },
        { authority: 'T/M BAN THƯỜNG VỤ', office: 'PHÓ BÍ THƯ' },
      ],
    },
    board('Ban Dân vận', 'BDVTU', 12),
    board('Ban Tuyên giáo', 'BTGTU', 12),
    board('Ban Tổ chức', 'BTCTU', 6),
    {
      ...base,
      id: `DUK-${p}`,
      header: [`ĐẢNG BỘ TỈNH ${P}`, 'ĐẢNG ỦY KHỐI', 'CƠ QUAN - DOANH NGHIỆP TỈNH'],
      code: 'ĐUK',
      citedAs: 'Ban Thường vụ Đảng ủy Khối',
      self: 'Ban Thường vụ Đảng ủy Khối',
      types: ['cong-van', 'ke-hoach', 'nghi-quyet', 'thong-bao', 'bao-cao', 'huong-dan'],
      weight: 10,
      sign: [
        { authority: 'T/M BAN THƯỜNG VỤ', office: 'PHÓ BÍ THƯ' },
        { authority: 'T/M BAN THƯỜNG VỤ', office: 'BÍ THƯ' },
      ],
    },
    {
      ...base,
      id: `HU-${p}-${d}`,
      district: d,
      place: d,
      header: [`ĐẢNG BỘ TỈNH ${P}`, `HUYỆN ỦY ${upper(d)}`],
      code: 'HU',
      citedAs: 'Ban Thường vụ Huyện ủy',
      self: 'Ban Thường vụ Huyện ủy',
      types: ['thong-bao', 'ke-hoach', 'cong-van', 'chi-thi', 'nghi-quyet', 'bao-cao'],
      weight: 10,
      sign: [
        { authority: 'T/M BAN THƯỜNG VỤ', office: 'BÍ THƯ' },
        { authority: 'T/M BAN THƯỜNG VỤ', office: 'PHÓ BÍ THƯ' },
      ],
    },
    {
      ...base,
      family: 'state',
      id: `UBND-${p}`,
      header: ['ỦY BAN NHÂN DÂN', `TỈNH ${P}`],
      code: 'UBND',
      citedAs: 'Ủy ban nhân dân tỉnh',
      self: 'Ủy ban nhân dân tỉnh',
      types: ['cong-van', 'ke-hoach', 'quyet-dinh', 'thong-bao', 'bao-cao', 'chi-thi'],
      weight: 12,
      sign: [
        { authority: 'KT. CHỦ TỊCH', office: 'PHÓ CHỦ TỊCH' },
        { authority: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', office: '' },
      ],
    },
    {
      ...base,
      family: 'state',
      id: `SYT-${p}`,
      header: [`UBND TỈNH ${P}`, 'SỞ Y TẾ'],
      code: 'SYT',
      citedAs: 'Sở Y tế',
      self: 'Sở Y tế',
      types: ['cong-van', 'ke-hoach', 'huong-dan', 'bao-cao', 'thong-bao'],
      weight: 8,
      sign: [
        { authority: 'KT. GIÁM ĐỐC', office: 'PHÓ GIÁM ĐỐC' },
        { authority: '', office: 'GIÁM ĐỐC' },
      ],
    },
  ];
}

const CENTRAL: Body[] = [
  {
    id: 'BCT',
    province: null,
    family: 'party',
    header: ['BAN CHẤP HÀNH TRUNG ƯƠNG'],
    code: 'TW',
    citedAs: 'Bộ Chính trị',
    self: 'Bộ Chính trị',
    types: ['nghi-quyet', 'chi-thi', 'ket-luan', 'quyet-dinh'],
    weight: 1,
    place: 'Hà Nội',
    sign: [
      { authority: 'T/M BỘ CHÍNH TRỊ', office: 'TỔNG BÍ THƯ' },
      { authority: 'T/M BỘ CHÍNH TRỊ', office: 'THƯỜNG TRỰC BAN BÍ THƯ' },
    ],
  },
  {
    id: 'BBT',
    province: null,
    family: 'party',
    header: ['BAN CHẤP HÀNH TRUNG ƯƠNG'],
    code: 'TW',
    citedAs: 'Ban Bí thư',
    self: 'Ban Bí thư',
    types: ['chi-thi', 'ket-luan', 'thong-bao'],
    weight: 1,
    place: 'Hà Nội',
    sign: [{ authority: 'T/M BAN BÍ THƯ', office: 'THƯỜNG TRỰC BAN BÍ THƯ' }],
  },
];

/** Central documents outside the generated set, cited as real ones are (they stay "missing"). */
const OUTSIDE = [
  'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ',
  'Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ',
  'Quyết định số 217-QĐ/TW và Quyết định số 218-QĐ/TW của Bộ Chính trị khóa XI',
  'Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng',
];

const TOPICS = [
  'phòng, chống dịch Covid-19',
  'công tác dân vận',
  'xây dựng nông thôn mới',
  'chuyển đổi số',
  'cải cách hành chính',
  'phòng, chống tham nhũng, tiêu cực',
  'công tác tuyên truyền',
  'xây dựng Đảng và hệ thống chính trị',
  'phát triển kinh tế biển',
  'bảo vệ môi trường',
  'phòng, chống thiên tai',
  'công tác cán bộ',
  'giảm nghèo bền vững',
  'phát triển du lịch',
  'an ninh trật tự',
  'giáo dục và đào tạo',
  'chăm sóc sức khỏe nhân dân',
  'công tác kiểm tra, giám sát',
  'thi đua yêu nước',
  'đại hội đảng bộ các cấp',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'thu hút đầu tư',
];
const ACTIONS = [
  'tăng cường',
  'nâng cao hiệu quả',
  'đẩy mạnh',
  'triển khai thực hiện',
  'tiếp tục đổi mới',
  'tổ chức thực hiện',
  'lãnh đạo, chỉ đạo',
  'sơ kết, tổng kết',
];

// Sentence parts; a sentence is opener + action + object + qualifier + purpose.
const OPENERS = [
  'Các cấp ủy, tổ chức đảng',
  'Mặt trận Tổ quốc và các tổ chức chính trị - xã hội',
  'Các cơ quan, đơn vị',
  'Ban Thường vụ các huyện ủy, thành ủy',
  'Cán bộ, đảng viên, nhất là người đứng đầu',
  'Chính quyền các cấp',
  'Các sở, ban, ngành',
  'Ủy ban nhân dân các huyện, thành phố',
  'Các chi bộ, đảng bộ cơ sở',
  'Đoàn Thanh niên và các hội quần chúng',
];
const VERBS = [
  'tập trung lãnh đạo, chỉ đạo',
  'quán triệt sâu sắc',
  'chủ động xây dựng kế hoạch',
  'tăng cường kiểm tra, giám sát',
  'phối hợp chặt chẽ trong',
  'đẩy mạnh tuyên truyền về',
  'thường xuyên theo dõi, đôn đốc',
  'kịp thời tháo gỡ khó khăn, vướng mắc trong',
  'nghiêm túc triển khai',
  'nâng cao chất lượng',
];
const OBJECTS = [
  'việc thực hiện các nhiệm vụ chính trị trọng tâm',
  'công tác nắm tình hình tư tưởng của cán bộ, đảng viên và nhân dân',
  'các phong trào thi đua yêu nước',
  'việc thực hiện quy chế dân chủ ở cơ sở',
  'công tác cải cách thủ tục hành chính',
  'các chương trình mục tiêu quốc gia',
  'việc xây dựng đội ngũ cán bộ các cấp',
  'công tác phòng ngừa, phát hiện và xử lý vi phạm',
  'các mô hình "Dân vận khéo"',
  'nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, an ninh',
  'việc ứng dụng công nghệ thông tin trong hoạt động của cơ quan',
  'công tác bảo đảm an sinh xã hội',
];
const QUALIFIERS = [
  'trên địa bàn tỉnh',
  'ở từng địa phương, cơ quan, đơn vị',
  'theo đúng quy định',
  'một cách đồng bộ, thống nhất',
  'với tinh thần "trên hết, trước hết"',
  'gắn với trách nhiệm của người đứng đầu',
  'theo phương châm "Dân biết - Dân bàn - Dân làm - Dân kiểm tra"',
  'trong tình hình mới',
  'một cách thực chất, hiệu quả',
  'phù hợp với điều kiện thực tế',
];
const PURPOSES = [
  'nhằm tạo sự đồng thuận cao trong xã hội',
  'góp phần hoàn thành thắng lợi các mục tiêu, chỉ tiêu đã đề ra',
  'bảo đảm ổn định tình hình, giữ vững an ninh chính trị',
  'củng cố niềm tin của nhân dân đối với Đảng, chính quyền',
  'tạo chuyển biến rõ nét về nhận thức và hành động',
  'không để phát sinh điểm nóng, phức tạp',
  'nâng cao đời sống vật chất và tinh thần của nhân dân',
  'xây dựng tổ chức đảng trong sạch, vững mạnh',
];
const EXTRAS = [
  'Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc; phê bình, xử lý nghiêm những trường hợp vi phạm.',
  'Định kỳ hằng quý báo cáo kết quả thực hiện về cơ quan thường trực để tổng hợp.',
  'Quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về cơ quan thường trực để được hướng dẫn.',
  'Chú trọng công tác sơ kết, tổng kết, rút kinh nghiệm, nhân rộng các mô hình hay, cách làm hiệu quả.',
  'Bảo đảm kinh phí, cơ sở vật chất và các điều kiện cần thiết cho việc triển khai thực hiện.',
];

const SECTIONS = ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', 'III. NHIỆM VỤ, GIẢI PHÁP', 'IV. TỔ CHỨC THỰC HIỆN'];

export interface GeneratedDoc {
  /** File name (without folder). */
  name: string;
  body: Body;
  type: DocTypeKey;
  number: string;
  issued: string;
  text: string;
  cites: GeneratedDoc[];
}

export interface GenerateResult {
  files: number;
  /** The held-back directive: raw file in extraDir, its number and date. */
  extra: { file: string; number: string; issued: string };
  /** The raw file that cites the held-back directive. */
  citingFile: string;
  words: { min: number; max: number; mean: number };
}

function sentence(r: Rng, topic: string, place: string): string {
  const s = `${pick(r, OPENERS)} ${pick(r, VERBS)} ${pick(r, OBJECTS)}${r() < 0.4 ? ` về ${topic}` : ''} ${pick(r, QUALIFIERS).replace('tỉnh', r() < 0.3 ? `tỉnh ${place}` : 'tỉnh')}, ${pick(r, PURPOSES)}.`;
  return r() < 0.15 ? `${s} ${pick(r, EXTRAS)}` : s;
}

/** `ngày 24/8/2021` or `, ngày 24/08/2021` or no date (rare; the body and term then tell). */
function citation(r: Rng, d: GeneratedDoc): string {
  const t = docType(d.type)!;
  const word = d.type === 'cong-van' ? pick(r, ['Văn bản', 'Công văn']) : t.name;
  const [y, m, dd] = d.issued.split('-').map(Number) as [number, number, number];
  const date = r() < 0.5 ? formatShortDate(d.issued) : `${dd}/${m}/${y}`;
  const sep = r() < 0.5 ? ', ' : ' ';
  const by = d.body.province === null ? `${d.body.citedAs} khóa ${d.issued < '2021-02-01' ? 'XII' : 'XIII'}` : d.body.citedAs;
  return `${word} số ${d.number}${sep}ngày ${date} của ${by}`;
}

function wrap(text: string, r: Rng, width = 55): string[] {
  if (text.length <= width || r() < 0.3) return [text];
  const cut = text.lastIndexOf(' ', width);
  return cut > 10 ? [text.slice(0, cut), text.slice(cut + 1)] : [text];
}

function bodyText(r: Rng, doc: GeneratedDoc, topic: string, subject: string): string {
  const b = doc.body;
  const place = b.province ?? 'Việt Nam';
  const targetWords = Math.round(Math.exp(Math.log(300) + r() * (Math.log(3000) - Math.log(300))));
  const paras: string[] = [];
  const cite = (d: GeneratedDoc) => citation(r, d);
  const [first, ...others] = doc.cites;
  const outside = r() < 0.3 ? pick(r, OUTSIDE) : null;
  if (first)
    paras.push(
      `Thực hiện ${cite(first)} về ${pick(r, ACTIONS)} ${pick(r, TOPICS)}, ${b.self} ${pick(r, ['đề nghị', 'yêu cầu'])} ${pick(r, OPENERS).toLocaleLowerCase('vi')} thực hiện tốt một số nội dung sau:`,
    );
  else
    paras.push(
      `${cap(pick(r, ['thời gian qua', 'những năm qua', `năm ${doc.issued.slice(0, 4)}`]))}, ${subject.replace(/^về /, '')} đạt được nhiều kết quả quan trọng. Tuy nhiên, vẫn còn một số hạn chế cần khắc phục. Để ${pick(r, ACTIONS)} ${topic}, ${b.self} ${pick(r, ['đề nghị', 'yêu cầu'])} thực hiện tốt một số nội dung sau:`,
    );
  let words = paras[0]!.split(' ').length;
  const sectioned = ['ke-hoach', 'nghi-quyet', 'chuong-trinh', 'huong-dan'].includes(doc.type) && targetWords > 800;
  const article = doc.type === 'quyet-dinh';
  const mark = pick(r, ['.', '-']);
  let point = 0;
  let section = 0;
  while (words < targetWords) {
    if (sectioned && (point === 0 || (point % 4 === 0 && section < SECTIONS.length))) {
      if (section < SECTIONS.length) paras.push(SECTIONS[section++]!);
    }
    point++;
    const n = int(r, 2, 7);
    const sents: string[] = [];
    for (let i = 0; i < n; i++) sents.push(sentence(r, topic, place));
    // Citations inside points: earlier directives of the same province, central ones, outside ones.
    if (others.length && r() < 0.5) sents.splice(1, 0, `Tiếp tục thực hiện nghiêm ${cite(others.shift()!)} về ${pick(r, TOPICS)}.`);
    if (outside && point === 2) sents.push(`Thực hiện đúng ${outside}.`);
    const lead = article ? `Điều ${point}. ` : `${point}${mark} `;
    const p = lead + sents.join(' ');
    paras.push(p);
    words += p.split(' ').length;
    if (r() < 0.15) {
      const items = int(r, 2, 4);
      for (let i = 0; i < items; i++) {
        const it = `- ${sentence(r, topic, place)}`;
        paras.push(it);
        words += it.split(' ').length;
      }
    }
  }
  for (const d of others) paras.push(`Các cơ quan, đơn vị tiếp tục thực hiện ${cite(d)}.`);
  paras.push(`${b.self} đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện.`);
  return paras.join('\n\n');
}

function personName(r: Rng): string {
  return `${pick(r, SURNAMES)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`;
}

function render(r: Rng, doc: GeneratedDoc): string {
  const b = doc.body;
  const t = docType(doc.type)!;
  const topic = pick(r, TOPICS);
  const year = doc.issued.slice(0, 4);
  const subject = `về ${pick(r, ACTIONS)} ${topic}${r() < 0.5 ? ` năm ${year}` : r() < 0.5 ? ' trong tình hình mới' : ''}`;
  const isCv = doc.type === 'cong-van';
  const dateLine = `${b.place}, ${formatVietnameseDate(doc.issued)}`;
  const numberLine = b.family === 'party' ? `Số ${doc.number}` : `Số: ${doc.number}`;
  const subjectLines = isCv ? wrap(b.family === 'party' ? cap(subject) : `V/v ${subject.replace(/^về /, '')}`, r) : [];
  const typeBlock = isCv ? [] : ['', upper(t.name), ...wrap(subject, r)];
  const lines: string[] = ['', ''];
  if (b.family === 'party') {
    const layout = int(r, 0, 2);
    if (layout === 0) lines.push(...b.header, '', '*', '', numberLine, ...subjectLines, '', 'ĐẢNG CỘNG SẢN VIỆT NAM', '', dateLine);
    else if (layout === 1) lines.push(...b.header, '', 'ĐẢNG CỘNG SẢN VIỆT NAM', dateLine, '', '*', '', numberLine, ...subjectLines);
    else lines.push(...b.header, '*', numberLine, ...subjectLines, '', 'ĐẢNG CỘNG SẢN VIỆT NAM', dateLine);
  } else {
    lines.push(
      ...b.header,
      '-------',
      numberLine,
      ...subjectLines,
      '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '---------------',
      dateLine,
    );
  }
  lines.push(...typeBlock, '');
  if (isCv) {
    const to = [
      pick(r, OPENERS),
      pick(r, ['Các huyện ủy, thành ủy, đảng ủy trực thuộc', 'Các sở, ban, ngành cấp tỉnh', 'Các hội quần chúng cấp tỉnh']),
      pick(r, ['Ban Thường vụ Tỉnh đoàn', 'Ủy ban Mặt trận Tổ quốc tỉnh']),
    ];
    lines.push(`Kính gửi: - ${to[0]},`, `- ${to[1]},`, `- ${to[2]}.`, '');
  }
  lines.push(bodyText(r, doc, topic, subject), '');
  const sign = pick(r, b.sign);
  const signer = [sign.authority, sign.office].filter(Boolean).join('\n');
  lines.push(
    'Nơi nhận:',
    '',
    '- Như trên,',
    `- ${b.province ? 'Thường trực Tỉnh ủy (B/c)' : 'Các tỉnh ủy, thành ủy'},`,
    `- ${pick(r, ['Các ban đảng Tỉnh ủy', 'Các sở, ban, ngành', 'Lãnh đạo cơ quan'])},`,
    '- Lưu VT.',
    '',
  );
  lines.push(b.family === 'party' && r() < 0.5 ? `**${signer}**` : signer, '', '', personName(r), '');
  return lines.join('\n');
}

/** Party numbering restarts with each congress term; State numbering each year. */
function counterKey(b: Body, type: DocTypeKey, issued: string): string {
  if (b.family === 'state') return `${b.id}|${type}|${issued.slice(0, 4)}`;
  const term = b.code === 'TW' ? (issued < '2021-02-01' ? 12 : 13) : issued < '2020-10-15' ? 0 : issued < '2025-10-15' ? 1 : 2;
  return `${b.code === 'TW' ? 'TW' : b.id}|${type}|${term}`;
}

function numberFor(b: Body, type: DocTypeKey, seq: number): string {
  const t = docType(type)!;
  if (b.family === 'party') return `${String(seq).padStart(2, '0')}-${t.partyCodes[0]}/${b.code}`;
  if (type === 'cong-van') return `${seq}/${b.code}-${b.code === 'UBND' ? pick(mulberry32(seq), ['VX', 'KT', 'NC', 'TH']) : 'NVY'}`;
  return `${seq}/${t.stateCodes[0]}-${b.code}`;
}

export function generate(opts: { size: number; seed?: number; outDir: string; extraDir: string }): GenerateResult {
  const r = mulberry32(opts.seed ?? 1);
  const bodies = [...PROVINCES.flatMap(provinceBodies), ...CENTRAL];
  // Cumulative weights, so picking a body is a binary search, not a scan.
  const cum: number[] = [];
  let total = 0;
  for (const b of bodies) cum.push((total += b.weight));
  const pickBody = () => {
    const x = r() * total;
    let lo = 0,
      hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return bodies[lo]!;
  };
  const start = Date.UTC(2016, 0, 1);
  const days = Math.round((Date.UTC(2025, 11, 31) - start) / 86400000);
  // One more than asked: the held-back directive.
  const drafts = Array.from({ length: opts.size + 1 }, () => {
    const body = pickBody();
    const d = new Date(start + int(r, 0, days) * 86400000);
    return {
      body,
      type: pick(r, body.types),
      issued: toIso({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }),
    };
  }).sort((a, b) => a.issued.localeCompare(b.issued));

  const counters = new Map<string, number>();
  const byProvince = new Map<string, GeneratedDoc[]>();
  const central: GeneratedDoc[] = [];
  const docs: GeneratedDoc[] = [];
  for (const dr of drafts) {
    const k = counterKey(dr.body, dr.type, dr.issued);
    // Công văn numbers run high and with gaps (not every document is in the library).
    const step = dr.type === 'cong-van' ? int(r, 1, 12) : int(r, 1, 2);
    const seq = (counters.get(k) ?? (dr.type === 'cong-van' ? int(r, 0, 40) : 0)) + step;
    counters.set(k, seq);
    const doc: GeneratedDoc = {
      name: '',
      body: dr.body,
      type: dr.type,
      number: numberFor(dr.body, dr.type, seq),
      issued: dr.issued,
      text: '',
      cites: [],
    };
    // Cite earlier directives of the same province (recent ones, a few), and now and then a central one.
    const own = dr.body.province ? (byProvince.get(dr.body.province) ?? []) : central;
    const earlier = own.slice(-300);
    const citable = (d: GeneratedDoc) =>
      d.issued < dr.issued &&
      d !== doc &&
      // A district's documents are cited within the district only (their code is local).
      (d.body.code !== 'HU' || d.body === dr.body);
    const n = earlier.length ? int(r, 0, 3) : 0;
    for (let i = 0; i < n; i++) {
      const d = pick(r, earlier);
      if (citable(d) && !doc.cites.includes(d) && d.number !== doc.number) doc.cites.push(d);
    }
    if (central.length && r() < 0.25) {
      const d = pick(r, central.slice(-50));
      if (d.issued < dr.issued && !doc.cites.includes(d)) doc.cites.push(d);
    }
    docs.push(doc);
    if (dr.body.province) (byProvince.get(dr.body.province) ?? byProvince.set(dr.body.province, []).get(dr.body.province)!).push(doc);
    else central.push(doc);
  }

  // Hold back a provincial directive cited exactly once, by a directive of the same body, so adding it flips one link.
  const citedBy = new Map<GeneratedDoc, GeneratedDoc[]>();
  for (const d of docs) for (const c of d.cites) (citedBy.get(c) ?? citedBy.set(c, []).get(c)!).push(d);
  let held: GeneratedDoc | undefined;
  for (let i = Math.floor(docs.length / 2); i < docs.length && !held; i++) {
    const d = docs[i]!;
    const by = citedBy.get(d);
    if (d.body.province && d.type !== 'cong-van' && by?.length === 1 && by[0]!.body.province === d.body.province) held = d;
  }
  if (!held) throw new Error('no directive suitable to hold back; use a larger size');
  const citing = citedBy.get(held)![0]!;

  fs.mkdirSync(opts.outDir, { recursive: true });
  fs.mkdirSync(opts.extraDir, { recursive: true });
  const counts: number[] = [];
  let citingFile = '';
  let extraFile = '';
  docs.forEach((doc, i) => {
    doc.name = `${String(i).padStart(6, '0')}_${doc.body.code.replace('Đ', 'D').toLowerCase()}_${doc.type}.txt`;
    // Each document has its own stream, so its text does not depend on the others' lengths.
    doc.text = render(mulberry32((opts.seed ?? 1) * 1_000_003 + i), doc);
    counts.push(doc.text.split(/\s+/).length);
    const file = path.join(doc === held ? opts.extraDir : opts.outDir, doc.name);
    fs.writeFileSync(file, doc.text);
    if (doc === held) extraFile = file;
    if (doc === citing) citingFile = file;
  });
  return {
    files: docs.length - 1,
    extra: { file: extraFile, number: held.number, issued: held.issued },
    citingFile,
    words: { min: Math.min(...counts), max: Math.max(...counts), mean: Math.round(counts.reduce((a, b) => a + b, 0) / counts.length) },
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: '.bench/raw' },
    },
  });
  const out = path.resolve(values.out!);
  const res = generate({ size: Number(values.size), seed: Number(values.seed), outDir: out, extraDir: `${out}-extra` });
  console.log(JSON.stringify(res, null, 2));
}
