/**
 * Generated raw directives for the importer tests: both families, several provinces and types, header parts in
 * shuffled orders, wrapped subjects and addressees, odd spacing, signing before or after `Nơi nhận`. A seeded
 * generator, so a failure names the seed that reproduces it.
 */

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const PROVINCES = ['Tuyên Quang', 'Bến Tre', 'Nam Định', 'Quảng Nam', 'Hà Tĩnh', 'Lâm Đồng', 'Thanh Hóa', 'Sơn La', 'Cà Mau', 'Gia Lai'];
const PARTY_TYPES = [
  { code: 'CT', name: 'CHỈ THỊ' },
  { code: 'KH', name: 'KẾ HOẠCH' },
  { code: 'NQ', name: 'NGHỊ QUYẾT' },
  { code: 'QĐ', name: 'QUYẾT ĐỊNH' },
  { code: 'TB', name: 'THÔNG BÁO' },
  { code: 'HD', name: 'HƯỚNG DẪN' },
  { code: 'CV', name: null },
] as const;
const STATE_TYPES = [
  { code: 'KH', name: 'KẾ HOẠCH' },
  { code: 'QĐ', name: 'QUYẾT ĐỊNH' },
  { code: 'TB', name: 'THÔNG BÁO' },
  { code: 'HD', name: 'HƯỚNG DẪN' },
  { code: null, name: null },
] as const;
const BOARDS = [
  { line: 'BAN DÂN VẬN', code: 'BDVTU' },
  { line: 'BAN TUYÊN GIÁO', code: 'BTGTU' },
  { line: 'VĂN PHÒNG', code: 'VPTU' },
  { line: 'BAN TỔ CHỨC', code: 'BTCTU' },
  { line: null, code: 'TU' },
] as const;
const AGENCIES = [
  { line: 'SỞ Y TẾ', code: 'SYT' },
  { line: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', code: 'SGDĐT' },
  { line: 'SỞ TÀI CHÍNH', code: 'STC' },
  { line: null, code: 'UBND' },
] as const;
const SUBJECTS = [
  'tăng cường công tác phòng, chống dịch bệnh Covid-19 trong tình hình mới',
  'triển khai thực hiện Nghị quyết số 05-NQ/TU về phát triển kinh tế biển',
  'tổ chức các hoạt động kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2022)',
  'nâng cao hiệu quả công tác dân vận chính quyền năm 2023',
];
const SENTENCES = [
  'Thực hiện Kế hoạch số 12-KH/TU ngày 05/3/2022 của Ban Thường vụ Tỉnh ủy, các cơ quan, đơn vị triển khai thực hiện tốt một số nội dung sau:',
  'Tăng cường tuyên truyền, vận động cán bộ, đảng viên và nhân dân chấp hành nghiêm các quy định; phản ánh kịp thời những vấn đề phát sinh.',
  'Giao Văn phòng chủ trì, phối hợp theo dõi, đôn đốc; định kỳ 6 tháng báo cáo kết quả * tổng hợp_số liệu # theo mẫu.',
  'Kinh phí thực hiện từ nguồn ngân sách năm 2023. Năm 2024 tiếp tục bố trí theo kế hoạch.',
  'Đối với các trường hợp đặc biệt [theo danh sách kèm theo], đề nghị báo cáo trực tiếp.',
];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Minh Đức', 'Phạm Hữu Dự', 'Hoàng Thị Mai'];

const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;

/** Wrap text at about `width` characters on spaces. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length + 1 > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

export interface GeneratedDoc {
  text: string;
  family: 'party' | 'state';
  province: string;
  number: string;
  iso: string;
  typeKey: string;
  signer: string;
}

const TYPE_KEYS: Record<string, string> = {
  'CHỈ THỊ': 'chi-thi',
  'KẾ HOẠCH': 'ke-hoach',
  'NGHỊ QUYẾT': 'nghi-quyet',
  'QUYẾT ĐỊNH': 'quyet-dinh',
  'THÔNG BÁO': 'thong-bao',
  'HƯỚNG DẪN': 'huong-dan',
};

export function generateDoc(seed: number): GeneratedDoc {
  const r = rng(seed);
  const family = r() < 0.5 ? 'party' : 'state';
  const province = pick(r, PROVINCES);
  const P = province.toLocaleUpperCase('vi');
  const day = 1 + Math.floor(r() * 28),
    month = 1 + Math.floor(r() * 12),
    year = 2019 + Math.floor(r() * 6);
  const dd = r() < 0.5 ? String(day).padStart(2, '0') : String(day);
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const seq = 1 + Math.floor(r() * 900);
  const sp = () => (r() < 0.2 ? '  ' : ' ');
  const subject = pick(r, SUBJECTS);

  let issuerLines: string[];
  let number: string;
  let typeName: string | null;
  let titleLines: string[];
  let authority: string[];
  let typeKey: string;
  if (family === 'party') {
    const t = pick(r, PARTY_TYPES);
    const b = pick(r, BOARDS);
    issuerLines = b.line ? [`TỈNH ỦY ${P}`, b.line] : [`ĐẢNG BỘ TỈNH ${P}`, 'TỈNH ỦY'];
    number = `Số${sp()}${seq}-${t.code}/${b.code}`;
    typeName = t.name;
    typeKey = t.name ? TYPE_KEYS[t.name]! : 'cong-van';
    titleLines = ['ĐẢNG CỘNG SẢN VIỆT NAM'];
    authority = b.line ? ['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'] : ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ'];
    if (r() < 0.3) authority = authority.map((a, i) => (i === 0 ? `**${a}` : `${a}**`));
  } else {
    const t = pick(r, STATE_TYPES);
    const a = pick(r, AGENCIES);
    issuerLines = a.line ? [r() < 0.5 ? `UBND TỈNH ${P}` : `ỦY BAN NHÂN DÂN TỈNH ${P}`, a.line] : ['ỦY BAN NHÂN DÂN', `TỈNH ${P}`];
    number = t.code ? `Số:${sp()}${seq}/${t.code}-${a.code}` : `Số:${sp()}${seq}/${a.code}-VX`;
    typeName = t.name;
    typeKey = t.name ? TYPE_KEYS[t.name]! : 'cong-van';
    titleLines = [r() < 0.5 ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
    authority = a.line ? ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'] : ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
  }
  const dateLine = `${province},${sp()}ngày ${dd} tháng ${month} năm ${year}`;
  const subjLines = typeName
    ? wrap(`về ${subject}`, 40 + Math.floor(r() * 30))
    : wrap(`${family === 'state' ? 'V/v' : 'Về'} ${subject}`, 40 + Math.floor(r() * 30));
  const numberBlock = typeName ? [number] : [number, ...subjLines];

  // Header parts in one of the orders seen in flattened documents.
  const left = [...issuerLines, family === 'party' ? '*' : '-------', ...numberBlock];
  const right = [...titleLines, dateLine];
  const order = r();
  const header =
    order < 0.4
      ? [...left, '', ...right]
      : order < 0.8
        ? [...issuerLines, ...right, '', family === 'party' ? '*' : '-------', ...numberBlock]
        : [...right, '', ...left];
  const lines = [...header, ''];
  if (typeName) lines.push(typeName, ...subjLines, '');
  if (!typeName || r() < 0.3) {
    const items = [
      'Các sở, ban, ngành cấp tỉnh;',
      'Ủy ban nhân dân các huyện, thành phố; các đơn vị sự nghiệp trực thuộc tỉnh có liên quan đến nhiệm vụ được giao;',
      'Các đảng ủy trực thuộc Tỉnh ủy.',
    ];
    const wrapped = items.flatMap((it, i) => wrap(`${i === 0 ? 'Kính gửi: - ' : '- '}${it}`, 50));
    lines.push(...wrapped, '');
  }
  const paras = 2 + Math.floor(r() * 4);
  for (let i = 0; i < paras; i++) {
    const s = pick(r, SENTENCES);
    const style = r();
    const text = style < 0.3 ? `${i + 1}. ${s}` : style < 0.5 ? `${i + 1}- ${s}` : style < 0.6 ? `- ${s}` : s;
    lines.push(...(r() < 0.3 ? wrap(text, 70) : [text]), '');
  }
  const signer = pick(r, NAMES);
  const dist = ['Nơi nhận:', '- Như trên,', '- Thường trực Tỉnh ủy (b/c),', '- Lưu VT.'];
  const sign = [...authority, '', signer];
  lines.push(...(r() < 0.7 ? [...dist, '', ...sign] : [...sign, '', ...dist]));
  return { text: lines.join('\n'), family, province, number: number.replace(/^Số:?\s*/, ''), iso, typeKey, signer };
}
