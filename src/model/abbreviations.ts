/**
 * The abbreviations of bodies that people write in queries and that texts print (`UBND tỉnh`, `BTV Tỉnh ủy`,
 * `ĐUK`), with what they stand for. Keys are folded (`đ` → `d`, lower case). `upper`: the abbreviation is also a
 * Vietnamese syllable (`tu`, `hu`), so it stands for the name only when written in capitals.
 */
export interface Abbreviation {
  full: string;
  upper?: true;
}

export const ABBREVIATIONS: Readonly<Record<string, Abbreviation>> = {
  ubnd: { full: 'Ủy ban nhân dân' },
  hdnd: { full: 'Hội đồng nhân dân' },
  ubmttq: { full: 'Ủy ban Mặt trận Tổ quốc' },
  mttq: { full: 'Mặt trận Tổ quốc' },
  btv: { full: 'Ban Thường vụ' },
  bch: { full: 'Ban Chấp hành' },
  bct: { full: 'Bộ Chính trị' },
  bbt: { full: 'Ban Bí thư' },
  duk: { full: 'Đảng ủy Khối' },
  tu: { full: 'Tỉnh ủy', upper: true },
  hu: { full: 'Huyện ủy', upper: true },
  tw: { full: 'Trung ương' },
  tp: { full: 'thành phố' },
  vp: { full: 'Văn phòng' },
  bdv: { full: 'Ban Dân vận' },
  btg: { full: 'Ban Tuyên giáo' },
  ttg: { full: 'Thủ tướng' },
  tncs: { full: 'Thanh niên Cộng sản' },
};
