/**
 * The search quality set (issue 18): what people type, and the directive(s) that must come back. Run over the library
 * tools/search-eval.ts assembles (the seeds, the cross-reference fixtures and test/fixtures/search) by
 * test/e2e/search-quality.test.ts, and reported by `npm run search-quality` into docs/search-quality.md.
 *
 * `first`: the first result must be one of these. `top3`: every one of these must be in the first three.
 */
export interface SearchCase {
  q: string;
  first?: readonly string[];
  top3?: readonly string[];
  kind: 'issuer' | 'subject' | 'number' | 'typing';
}

// Directive ids (issuer/date-number), as in their URLs.
const TQ234 = 'ban-dan-van-tinh-uy-tuyen-quang/2021-09-07-234-cv-bdvtu';
const TQ635 = 'tinh-uy-tuyen-quang/2021-08-24-635-cv-tu';
const TQ01 = 'tinh-uy-tuyen-quang/2020-11-20-01-ct-tu';
const VP12 = 'van-phong-tinh-uy-tuyen-quang/2021-10-05-12-tb-vptu';
const BTDUK = 'dang-uy-khoi-co-quan-doanh-nghiep-tinh-ben-tre';
const BT554 = `${BTDUK}/2022-03-07-554-cv-duk`;
const DUK12 = `${BTDUK}/2013-03-01-12-kh-duk`;
const DUK30 = `${BTDUK}/2018-03-01-30-kh-duk`;
const DUK75 = `${BTDUK}/2022-02-17-75-kh-duk`;
const NA20 = 'dang-uy-khoi-cac-co-quan-tinh-nghe-an/2020-11-02-20-kh-duk';
const BT01 = 'tinh-uy-ben-tre/2020-10-17-01-ct-tu';
const BT12 = 'tinh-uy-ben-tre/2022-06-10-12-ct-tu';
const BT21 = 'tinh-uy-ben-tre/2022-02-18-21-ctr-tu';
const BCT217 = 'bo-chinh-tri/2013-12-12-217-qd-tw';
const NA594 = 'ubnd-tinh-nghe-an/2023-08-14-594-kh-ubnd';
const LS90 = 'ubnd-tinh-lang-son/2023-04-13-90-kh-ubnd';
const TH18 = 'hdnd-tinh-thanh-hoa/2025-04-25-18-2025-nq-hdnd';
const ST135 = 'ubnd-tinh-soc-trang/2022-08-30-135-kh-ubnd';
const YB17 = 'tinh-uy-yen-bai/2018-08-06-17-ct-tu';
const BTG55 = 'ban-tuyen-giao-trung-uong/2022-07-06-55-hd-btgtw';
const HN115 = 'ubnd-thanh-pho-ha-noi/2022-04-22-115-kh-ubnd';
const BN155 = 'ubnd-tinh-bac-ninh/2017-06-12-155-kh-ubnd';
const HUE27 = 'tinh-uy-thua-thien-hue/2017-05-25-27-ctr-tu';
const DOAN367 = 'trung-uong-doan/2013-03-21-367-qd-twdtn-vp';

const BT_DUK = [BT554, DUK12, DUK30, DUK75];
const ANY_DUK = [...BT_DUK, NA20];
const DICH = [TQ234, TQ635];

export const SEARCH_CASES: readonly SearchCase[] = [
  // The issuer, named in full, without accents, in capitals, or abbreviated.
  { kind: 'issuer', q: 'ban dan van tinh uy tuyen quang', first: [TQ234] },
  { kind: 'issuer', q: 'Ban Dân vận Tỉnh ủy Tuyên Quang', first: [TQ234] },
  { kind: 'issuer', q: 'BAN DAN VAN TINH UY TUYEN QUANG', first: [TQ234] },
  { kind: 'issuer', q: 'dang uy khoi', first: ANY_DUK },
  { kind: 'issuer', q: 'DANG UY KHOI CO QUAN', first: BT_DUK },
  { kind: 'issuer', q: 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre', first: BT_DUK },
  { kind: 'issuer', q: 'ĐUK Bến Tre', first: BT_DUK },
  { kind: 'issuer', q: 'duk ben tre', first: BT_DUK },
  { kind: 'issuer', q: 'dang uy khoi cac co quan tinh nghe an', first: [NA20] },
  { kind: 'issuer', q: 'ubnd tinh nghe an', first: [NA594] },
  { kind: 'issuer', q: 'UBND Nghệ An', first: [NA594] },
  { kind: 'issuer', q: 'Ủy ban nhân dân tỉnh Lạng Sơn', first: [LS90] },
  { kind: 'issuer', q: 'ubnd lang son', first: [LS90] },
  { kind: 'issuer', q: 'HĐND tỉnh Thanh Hóa', first: [TH18] },
  { kind: 'issuer', q: 'hdnd thanh hoa', first: [TH18] },
  { kind: 'issuer', q: 'hoi dong nhan dan tinh thanh hoa', first: [TH18] },
  { kind: 'issuer', q: 'tinh uy yen bai', first: [YB17] },
  { kind: 'issuer', q: 'TU Yên Bái', first: [YB17] },
  { kind: 'issuer', q: 'BTV Tỉnh ủy Yên Bái', first: [YB17] },
  { kind: 'issuer', q: 'tinh uy tuyen quang', first: [TQ01, TQ635] },
  { kind: 'issuer', q: 'Tỉnh ủy TQ', first: [TQ01, TQ635] },
  { kind: 'issuer', q: 'van phong tinh uy tuyen quang', first: [VP12] },
  { kind: 'issuer', q: 'ban tuyen giao trung uong', first: [BTG55] },
  { kind: 'issuer', q: 'ubnd thanh pho ha noi', first: [HN115] },
  { kind: 'issuer', q: 'UBND TP Hà Nội', first: [HN115] },
  { kind: 'issuer', q: 'ubnd bac ninh', first: [BN155] },
  { kind: 'issuer', q: 'UBND tỉnh Sóc Trăng', first: [ST135] },
  { kind: 'issuer', q: 'tinh uy thua thien hue', first: [HUE27] },
  { kind: 'issuer', q: 'trung uong doan', first: [DOAN367] },
  { kind: 'issuer', q: 'bo chinh tri', first: [BCT217] },

  // Subject words, as phrases.
  { kind: 'subject', q: 'phong chong dich', first: DICH, top3: DICH },
  { kind: 'subject', q: '"phòng, chống dịch"', first: DICH },
  { kind: 'subject', q: 'dong khoi moi', first: [BT01, DUK75, BT12] },
  { kind: 'subject', q: 'an ninh nguon nuoc', first: [LS90] },
  { kind: 'subject', q: 'an toan dap ho chua', first: [LS90] },
  { kind: 'subject', q: 'ho ngheo ho can ngheo', first: [ST135] },
  { kind: 'subject', q: 'du luan xa hoi', first: [YB17] },
  { kind: 'subject', q: 'co dong truc quan', first: [HN115] },
  { kind: 'subject', q: 'luat ho tich', first: [BN155] },
  { kind: 'subject', q: 'bao ve rung', first: [HUE27] },
  { kind: 'subject', q: 'QUẢN LÝ, BẢO VỆ VÀ PHÁT TRIỂN RỪNG', first: [HUE27] },
  { kind: 'subject', q: 'the thuc van ban cua doan', first: [DOAN367] },
  { kind: 'subject', q: 'giam sat va phan bien xa hoi', first: [BCT217] },
  { kind: 'subject', q: 'Võ Văn Kiệt', first: [BTG55] },
  { kind: 'subject', q: 'vo van kiet', first: [BTG55] },
  { kind: 'subject', q: 'muc thu phi', first: [TH18] },
  { kind: 'subject', q: 'cong tac dan van nam 2022', first: [BT554, BT21] },
  { kind: 'subject', q: 'thi dua phat trien kinh te xa hoi', first: [NA594] },
  { kind: 'subject', q: 'quan triet nghi quyet dai hoi', first: [NA20] },
  { kind: 'subject', q: 'giao ban cong tac dan van', first: [VP12] },
  { kind: 'subject', q: 'dân vận khéo', first: [VP12] },
  { kind: 'subject', q: 'cong tac dan van trong tinh hinh moi', first: [TQ01] },

  // Numbers, in every spelling.
  { kind: 'number', q: '594/KH-UBND', first: [NA594] },
  { kind: 'number', q: '594kh', first: [NA594] },
  { kind: 'number', q: 'KH594', first: [NA594] },
  { kind: 'number', q: 'kh 594', first: [NA594] },
  { kind: 'number', q: '594 kh ubnd', first: [NA594] },
  { kind: 'number', q: 'số 594', first: [NA594] },
  { kind: 'number', q: 'ke hoach 594', first: [NA594] },
  { kind: 'number', q: '18/2025/NQ-HĐND', first: [TH18] },
  { kind: 'number', q: 'nq 18 hdnd', first: [TH18] },
  { kind: 'number', q: '18/2025', first: [TH18] },
  { kind: 'number', q: 'Số 594/KH-UBND', first: [NA594] },
  { kind: 'number', q: 'Chỉ thị số 17-CT/TU', first: [YB17] },
  { kind: 'number', q: '367-QĐ/TWĐTN-VP', first: [DOAN367] },
  { kind: 'number', q: '367 qd', first: [DOAN367] },
  { kind: 'number', q: '55-HD/BTGTW', first: [BTG55] },
  { kind: 'number', q: 'chỉ thị 17 yên bái', first: [YB17] },
  { kind: 'number', q: '01-CT/TU', top3: [BT01, TQ01] },
  { kind: 'number', q: '635', first: [TQ635] },

  // What keyboards leave behind: VNI digits, Telex letters, NFD, the old tone placement.
  { kind: 'typing', q: 'dang3 uy3 khoi1', first: ANY_DUK },
  { kind: 'typing', q: 'ddangr uyr khoois', first: ANY_DUK },
  { kind: 'typing', q: 'phofng choongs dichj', first: DICH },
  { kind: 'typing', q: 'ho65 nghe2o', first: [ST135] },
  { kind: 'typing', q: 'Đảng ủy Khối'.normalize('NFD'), first: ANY_DUK },
  { kind: 'typing', q: 'Tỉnh uỷ Yên Bái', first: [YB17] },
  { kind: 'typing', q: 'dư luận xã hội'.normalize('NFD'), first: [YB17] },
];
