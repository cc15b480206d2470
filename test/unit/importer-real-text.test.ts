/**
 * The shapes real copies take (portal chrome and metadata, flattened headers, glued tokens, damaged text, joint
 * and mass-organisation issuers, attached documents, republications without a header), each on text written for
 * this test in the same shape. Every import here must also lose no line (`lost` is checked each time).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../src/model/display-title.ts';
import { readNumberLine } from '../../src/importer/header.ts';
import { parseFile } from '../../src/importer/parse-file.ts';
import { buildDirective } from '../../src/importer/parse.ts';
import { canonicalNumber, normalizeNumberText, parseNumber } from '../../src/model/numbers.ts';
import { findReferences } from '../../src/model/references.ts';
import { freshRegistry, importText, refusal } from '../helpers/import-text.ts';

const imp = (text: string) => {
  const r = importText(text, freshRegistry());
  expect(r.lost, 'every line is in the directive, skipped or named').toEqual([]);
  return r;
};
const body = (paras: number) =>
  Array.from(
    { length: paras },
    (_, i) =>
      `${i + 1}. Các sở, ban, ngành, địa phương tổ chức thực hiện nội dung thứ ${i + 1} của kế hoạch, bảo đảm đúng tiến độ và báo cáo kết quả về Ủy ban nhân dân tỉnh.`,
  ).join('\n');

describe('clutter around the document', () => {
  const page = [
    'Từ khoá: Số Hiệu, Tiêu đề hoặc Nội dung ngắn gọn của Văn Bản...',
    '',
    'Đăng nhập',
    '',
    'Đang tải văn bản...',
    '',
    'Kế hoạch 212/KH-UBND năm 2023 tổ chức Tháng hành động vì an toàn thực phẩm tỉnh Quảng Bình',
    '',
    'Số hiệu: 212/KH-UBND Loại văn bản: Kế hoạch',
    'Nơi ban hành: Tỉnh Quảng Bình Người ký: Trần Phong',
    'Ngày ban hành: 05/04/2023 Ngày hiệu lực: Đã biết',
    'Tình trạng: Đã biết',
    '',
    'ỦY BAN NHÂN DÂN',
    'TỈNH QUẢNG BÌNH',
    '-------',
    '',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '---------------',
    '',
    'Số: 212/KH-UBND',
    '',
    'Quảng Bình, ngày 03 tháng 4 năm 2023',
    '',
    'KẾ HOẠCH',
    '',
    'TỔ CHỨC THÁNG HÀNH ĐỘNG VÌ AN TOÀN THỰC PHẨM NĂM 2023',
    '',
    'Thực hiện Kế hoạch số 14/KH-BCĐTWATTP ngày 02/3/2023 của Ban Chỉ đạo liên ngành Trung ương, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '',
    body(2),
  ].join('\n');

  it('finds where the document starts, reports what it skipped, and takes the signer from the metadata table', () => {
    const r = imp(page);
    expect(r.data).toMatchObject({
      number: '212/KH-UBND',
      type: 'ke-hoach',
      issued: '2023-04-03',
      issuer: 'uy-ban-nhan-dan-tinh-quang-binh',
      place: 'Quảng Bình',
    });
    expect(r.data.title).toBe('TỔ CHỨC THÁNG HÀNH ĐỘNG VÌ AN TOÀN THỰC PHẨM NĂM 2023');
    expect(r.data.signer).toEqual({ name: 'Trần Phong' });
    expect(r.notes.fromMetadata.join(' ')).toMatch(/signer\.name/);
    expect(r.data.source).toMatchObject({ note: expect.stringMatching(/Người ký trên trang/) });
    const kinds = Object.fromEntries(r.notes.skipped.map((s) => [`${s.from}-${s.to}`, s.kind]));
    expect(kinds).toMatchObject({ '1-1': 'chrome', '3-3': 'chrome', '5-5': 'chrome', '7-7': 'page-title', '9-12': 'metadata' });
    expect(r.body).not.toMatch(/Đang tải|Đăng nhập|Số hiệu/);
  });
  it("the printed date wins over the portal's, and the disagreement is a warning", () => {
    const r = imp(page);
    expect(r.warnings.join('\n')).toMatch(/ngày ban hành trên trang đăng \(05\/04\/2023\) khác ngày in trên văn bản \(2023-04-03\)/);
  });
  it('chrome inside the text is skipped wherever it stands', () => {
    const r = imp(page.replace('I. MỤC ĐÍCH, YÊU CẦU', 'Bạn đang xem bản rút gọn của văn bản\n\nI. MỤC ĐÍCH, YÊU CẦU'));
    expect(r.body).not.toMatch(/bản rút gọn/);
    expect(r.notes.skipped.some((s) => s.kind === 'chrome' && /bản rút gọn/.test(s.text))).toBe(true);
  });
});

describe('the two-column header flattened', () => {
  it('`|` cells, a council whose province line was lost, the subject only in the page title', () => {
    const r = imp(
      [
        'Nghị quyết 25/2024/NQ-HĐND quy định mức chi hỗ trợ hoạt động khuyến nông trên địa bàn tỉnh Hà Tĩnh',
        'Số hiệu | 25/2024/NQ-HĐND |',
        'Ngày ban hành | 12/07/2024 |',
        'Loại văn bản | Nghị quyết |',
        'Cơ quan ban hành | Tỉnh Hà Tĩnh |',
        'Người ký | Hoàng Trung Dũng |',
        'HỘI ĐỒNG NHÂN DÂN |',
        'CỘNG HÒA XÃ HỘI',
        'CHỦ NGHĨA VIỆT NAM |',
        'Số: 25/2024/NQ-HĐND |',
        'Hà Tĩnh, ngày 12 tháng 7 năm 2024 |',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;',
      ].join('\n'),
    );
    expect(r.data).toMatchObject({
      number: '25/2024/NQ-HĐND',
      type: 'nghi-quyet',
      issued: '2024-07-12',
      issuer: 'hoi-dong-nhan-dan-tinh-ha-tinh',
    });
    expect(r.data.title).toBe('Quy định mức chi hỗ trợ hoạt động khuyến nông trên địa bàn tỉnh Hà Tĩnh');
    expect(r.notes.fromMetadata.join(' ')).toMatch(/title/);
    expect(r.notes.guesses.join(' ')).toMatch(/Hội đồng nhân dân tỉnh Hà Tĩnh/);
  });
  it('both columns on one line, and the number with the place and date', () => {
    const r = imp(
      [
        'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH ĐỒNG THÁP Độc Lập - Tự Do - Hạnh Phúc',
        'Số: 318/UBND-KT Cao Lãnh, ngày 9 tháng 5 năm 2019',
        'V/v tăng cường quản lý chợ trên địa bàn tỉnh',
        '',
        'Kính gửi: Ủy ban nhân dân các huyện, thành phố.',
        '',
        'Ủy ban nhân dân tỉnh đề nghị các địa phương rà soát, báo cáo trước ngày 30/5/2019.',
      ].join('\n'),
    );
    expect(r.data).toMatchObject({
      number: '318/UBND-KT',
      type: 'cong-van',
      issued: '2019-05-09',
      place: 'Cao Lãnh',
      issuer: 'uy-ban-nhan-dan-tinh-dong-thap',
      title: 'Tăng cường quản lý chợ trên địa bàn tỉnh',
    });
    expect(r.data.recipients).toEqual(['Ủy ban nhân dân các huyện, thành phố']);
  });
  it('one word per line, table bars between the parts, the enacting line kept out of the subject', () => {
    const r = imp(
      [
        'ỦY',
        'BAN NHÂN DÂN',
        'TỈNH KON TUM',
        '-------',
        '|',
        'CỘNG',
        'HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập -',
        'Tự do - Hạnh phúc',
        '---------------',
        '|',
        'Số:',
        '45/2016/QĐ-UBND',
        '|',
        'Kon',
        'Tum, ngày 12 tháng 9',
        'năm 2016',
        '|',
        'QUYẾT ĐỊNH',
        'VỀ VIỆC BAN HÀNH QUY ĐỊNH QUẢN LÝ',
        'CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN TỈNH KON TUM',
        'ỦY BAN NHÂN DÂN TỈNH KON TUM',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
        'QUYẾT ĐỊNH:',
        'Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý cụm công nghiệp.',
      ].join('\n'),
    );
    expect(r.data).toMatchObject({
      number: '45/2016/QĐ-UBND',
      type: 'quyet-dinh',
      issued: '2016-09-12',
      place: 'Kon Tum',
      issuer: 'uy-ban-nhan-dan-tinh-kon-tum',
    });
    expect(r.data.title).toBe('VỀ VIỆC BAN HÀNH QUY ĐỊNH QUẢN LÝ CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN TỈNH KON TUM');
    expect(r.body.startsWith('ỦY BAN NHÂN DÂN TỈNH KON TUM')).toBe(true);
  });
  it('the whole document on one line, glued at every seam', () => {
    const text =
      'TỈNH ỦY CAO BẰNG***Số 45-CT/TUĐẢNG CỘNG SẢN VIỆT NAM Cao Bằng, ngày 10 tháng 3 năm 2022 CHỈ THỊVề tăng cường công tác phòng, chống cháy rừng--------- ' +
      'Những năm qua, công tác quản lý, bảo vệ rừng trên địa bàn tỉnh đã có chuyển biến, song tình trạng cháy rừng vẫn còn xảy ra ở nhiều nơi, gây thiệt hại lớn về tài nguyên và môi trường. ' +
      'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền tập trung lãnh đạo, chỉ đạo thực hiện tốt các nhiệm vụ phòng, chống cháy rừng trong mùa khô. ' +
      'Nơi nhận: - Các huyện ủy, thành ủy; - Lưu Văn phòng Tỉnh ủy. T/M BAN THƯỜNG VỤPHÓ BÍ THƯ THƯỜNG TRỰC (đã ký) Nguyễn Văn Hoa';
    const r = imp(text);
    expect(r.data).toMatchObject({
      number: '45-CT/TU',
      type: 'chi-thi',
      issued: '2022-03-10',
      issuer: 'tinh-uy-cao-bang',
      title: 'Về tăng cường công tác phòng, chống cháy rừng',
    });
    expect(r.data.signer).toEqual({ name: 'Nguyễn Văn Hoa', title: 'Phó Bí thư Thường trực', authority: 'T/M Ban Thường vụ' });
    expect(r.data.distribution).toEqual(['Các huyện ủy, thành ủy', 'Lưu Văn phòng Tỉnh ủy']);
    expect(r.notes.repairs.join(' ')).toMatch(/một dòng/);
    expect(r.body).toMatch(/^Những năm qua/);
  });
});

describe('glued and split tokens', () => {
  const tail = 'Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nd:\\2019\\CV\\tb-12.doc\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNGLê Thị Hạnh';
  const head =
    'ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 1120/TB-UBND\nPhú Thọ, ngày 16 tháng 7 năm 2021\n\nTHÔNG BÁO\nKẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n';
  it('a name glued to its office, a stray file path before the signing block', () => {
    const r = imp(`${head}Thực hiện Quyết định số31-QĐ/TW và kế hoạch năm 2021Ban Tuyên giáo, ngày 16/7/20 21 đã họp.\n\n${tail}`);
    expect(r.data.signer).toEqual({ name: 'Lê Thị Hạnh', title: 'Chánh Văn phòng', authority: 'TL. Chủ tịch' });
    expect(r.notes.skipped).toContainEqual(expect.objectContaining({ kind: 'trailer', text: 'd:\\2019\\CV\\tb-12.doc' }));
    expect(r.warnings.join(' ')).toMatch(/đường dẫn tệp/);
    expect(r.body).toContain('Quyết định số 31-QĐ/TW');
    expect(r.body).toContain('năm 2021 Ban Tuyên giáo');
    expect(r.body).toContain('ngày 16/7/2021');
    expect(r.notes.repairs.join('\n')).toMatch(/sau «số»[\s\S]*tách năm[\s\S]*nối năm|nối năm[\s\S]*sau «số»/);
  });
  it('the type line glued to the subject, the number glued to `V/v`', () => {
    const r = imp(
      'VĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 4412/VPCP-KGVXV/v tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2023\n\nHà Nội, ngày 14 tháng 4 năm 2023\n\nKính gửi: Bộ Văn hóa, Thể thao và Du lịch\n\nXét đề nghị của Bộ Văn hóa, Thể thao và Du lịch, Phó Thủ tướng có ý kiến như sau: đồng ý.',
    );
    expect(r.data).toMatchObject({
      number: '4412/VPCP-KGVX',
      issuer: 'van-phong-chinh-phu',
      title: 'Tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2023',
      type: 'cong-van',
    });
    const q = imp(
      'ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\n-------\nSố: 15/2020/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nYên Bái, ngày 20 tháng 5 năm 2020\nQUYẾT ĐỊNHVề việc ban hành Quy chế làm việc\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.',
    );
    expect(q.data).toMatchObject({ type: 'quyet-dinh', title: 'Về việc ban hành Quy chế làm việc' });
  });
});

describe('numbers as printed', () => {
  it.each([
    ['Số: 512 - QĐ/TWĐTN-BTG', '512-QĐ/TWĐTN-BTG'],
    ['Số: 3318 /SGDĐT-GDTrH', '3318/SGDĐT-GDTrH'],
    ['Số: 63/ 2006/QĐ - UBND', '63/2006/QĐ-UBND'],
    ['Số: 1961/QĐUBND', '1961/QĐ-UBND'],
    ['Số:10/2011/NQ-HĐND', '10/2011/NQ-HĐND'],
    ['Số: 653/2019/UBTVQH14', '653/2019/UBTVQH14'],
    ['Số: 01/QCPH/UBND-UBMTTQ', '01/QCPH/UBND-UBMTTQ'],
  ])('%s reads as %s', (line, number) => {
    const r = readNumberLine(line);
    expect(r && canonicalNumber(r.raw)).toBe(number);
    expect(parseNumber(number)).not.toBeNull();
  });
  it.each([
    ['12-QĐI/TU', '12-QĐi/TU'],
    ['16/CT-TTG', '16/CT-TTg'],
    ['45-KL/TƯ', '45-KL/TW'],
    ['3-CTR/HU', '3-CTr/HU'],
  ])('case and OCR variants: %s → %s', (raw, canonical) => {
    expect(canonicalNumber(raw)).toBe(canonical);
  });
  it('the printed spelling is kept beside the canonical one', () => {
    const r = imp(
      'BAN CHẤP HÀNH TRUNG ƯƠNG\n***\nSố: 512 - KH/TWĐTN-BTG\nĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 02 tháng 3 năm 2021\nKẾ HOẠCH\ntổ chức Tháng Thanh niên năm 2021\n\nThực hiện Chương trình công tác năm 2021, Ban Bí thư Trung ương Đoàn ban hành kế hoạch như sau:\n\n1. Tổ chức các hoạt động tình nguyện.',
    );
    expect(r.data).toMatchObject({ number: '512-KH/TWĐTN-BTG', numberPrinted: '512 - KH/TWĐTN-BTG' });
  });
  it('citations in every printed spelling are found, in one spelling', () => {
    const found = findReferences(
      'căn cứ chỉ thị số 21 -CT/TU ngày 18/11/2002, Kết luận số 100 - KL/TW và Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013',
    ).map((f) => f.number);
    expect(found).toEqual(['21-CT/TU', '100-KL/TW', '84-QĐ/TWĐTN']);
    expect(normalizeNumberText('1595 / QĐ - TTg')).toBe('1595/QĐ-TTg');
  });
});

describe('subjects', () => {
  it("in capitals with no `về`, wrapped over lines, with a council's enacting line and term after it", () => {
    const r = imp(
      [
        'HỘI ĐỒNG NHÂN DÂN',
        'TỈNH PHÚ YÊN',
        '-------',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 18/2021/NQ-HĐND',
        'Phú Yên, ngày 20 tháng 8 năm 2021',
        '',
        'NGHỊ QUYẾT',
        'QUY ĐỊNH MỨC CHI BẢO ĐẢM CHO CÔNG TÁC',
        'PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT',
        'TRÊN ĐỊA BÀN TỈNH PHÚ YÊN',
        'HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN',
        'KHÓA VIII, KỲ HỌP THỨ 2',
        '',
        'Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;',
      ].join('\n'),
    );
    expect(r.data.title).toBe('QUY ĐỊNH MỨC CHI BẢO ĐẢM CHO CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH PHÚ YÊN');
    expect(r.data.issuer).toBe('hoi-dong-nhan-dan-tinh-phu-yen');
    expect(r.body).toMatch(/^HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN/);
  });
  it("`V/V` in capitals and no type line: the number's code says the type", () => {
    const r = imp(
      'ỦY BAN NHÂN DÂN\nTỈNH BẠC LIÊU\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 32/2008/QĐ-UBND\nBạc Liêu, ngày 05 tháng 11 năm 2008\nV/V BAN HÀNH QUY ĐỊNH VỀ CÔNG TÁC THI ĐUA\nỦY BAN NHÂN DÂN TỈNH BẠC LIÊU\n- Căn cứ Luật Thi đua, Khen thưởng;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định về công tác thi đua.',
    );
    expect(r.data).toMatchObject({ type: 'quyet-dinh', title: 'BAN HÀNH QUY ĐỊNH VỀ CÔNG TÁC THI ĐUA' });
  });
  it('lists and pages show an all-capitals subject in sentence case, codes and known names kept', () => {
    expect(displayTitle('TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 05-CT/TW NGÀY 15/5/2016 CỦA BỘ CHÍNH TRỊ TRÊN ĐỊA BÀN TỈNH HÀ GIANG')).toBe(
      'Triển khai thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị trên địa bàn tỉnh Hà Giang',
    );
    expect(displayTitle('THỰC HIỆN CHỈ THỊ SỐ 16/CT-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ GIAI ĐOẠN (2021 - 2025) LẦN THỨ XIII')).toBe(
      'Thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ giai đoạn (2021 - 2025) lần thứ XIII',
    );
    expect(displayTitle('Về công tác dân vận năm 2022')).toBe('Về công tác dân vận năm 2022');
  });
});

describe('issuers at every level and kind', () => {
  it('a joint document belongs to both bodies, each keeping its own header lines', () => {
    const reg = freshRegistry();
    const r = importText(
      'ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH GIA LAI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 03/KHPH/UBND-UBMTTQ\nGia Lai, ngày 10 tháng 6 năm 2020\nKẾ HOẠCH\nPHỐI HỢP THỰC HIỆN CUỘC VẬN ĐỘNG TOÀN DÂN ĐOÀN KẾT\nCăn cứ Quy chế phối hợp công tác giữa hai cơ quan;\n1. Hai bên thống nhất nội dung phối hợp.',
      reg,
    );
    expect(r.lost).toEqual([]);
    expect(r.data).toMatchObject({
      type: 'ke-hoach',
      issuer: 'uy-ban-nhan-dan-tinh-gia-lai',
      coIssuers: ['uy-ban-mat-tran-to-quoc-viet-nam-tinh-gia-lai'],
    });
    const front = reg.issuers.find((i) => i.id === 'uy-ban-mat-tran-to-quoc-viet-nam-tinh-gia-lai')!;
    expect(front).toMatchObject({
      name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai',
      family: 'mass',
      code: 'UBMTTQ',
      header: ['ỦY BAN MTTQ VIỆT NAM', 'TỈNH GIA LAI'],
    });
    expect(reg.issuers.find((i) => i.id === 'uy-ban-nhan-dan-tinh-gia-lai')!.header).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH GIA LAI']);
  });
  it('a Central Committee header: the acting body named in the enacting sentence', () => {
    const r = imp(
      'BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 12-QĐi/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 04 tháng 6 năm 2021\nQUY ĐỊNH\nVỀ TRÁCH NHIỆM NÊU GƯƠNG CỦA CÁN BỘ, ĐẢNG VIÊN\n\n- Căn cứ Điều lệ Đảng;\n\nBộ Chính trị quy định về trách nhiệm nêu gương như sau:\n\nĐiều 1. Phạm vi điều chỉnh',
    );
    expect(r.data).toMatchObject({ issuer: 'bo-chinh-tri', type: 'quy-dinh' });
  });
  it('the Đoàn: its title line, Party-style number, an issuer of the mass organisations', () => {
    const reg = freshRegistry();
    const r = importText(
      'BAN CHẤP HÀNH TRUNG ƯƠNG\n***\nSố: 120-HD/TWĐTN-BTG\nĐOÀN TNCS HỒ CHÍ MINH\nHà Nội, ngày 20 tháng 3 năm 2022\nHƯỚNG DẪN\ntổ chức Ngày hội Thanh niên\n\nĐể tổ chức tốt Ngày hội, Ban Bí thư Trung ương Đoàn hướng dẫn như sau:\n\n1. Mục đích.\n\nTM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN\nBÍ THƯ\n\nNguyễn Minh Triết',
      reg,
    );
    expect(r.lost).toEqual([]);
    expect(r.issuer).toMatchObject({ id: 'ban-bi-thu-trung-uong-doan-tncs-ho-chi-minh', family: 'mass', code: 'TWĐTN' });
    expect(r.data.signer).toEqual({ name: 'Nguyễn Minh Triết', title: 'Bí thư', authority: 'TM. Ban Bí thư Trung ương Đoàn' });
  });
  it('a district body whose header names no province: the province the text names, as a guess', () => {
    const r = imp(
      'ỦY BAN NHÂN DÂN\nHUYỆN NAM ĐÀN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 88/KH-UBND\nNam Đàn, ngày 02 tháng 2 năm 2023\nKẾ HOẠCH\nTỔ CHỨC LỄ HỘI LÀNG SEN NĂM 2023\n\nThực hiện chỉ đạo của Ủy ban nhân dân tỉnh Nghệ An về tổ chức lễ hội trên địa bàn tỉnh Nghệ An, Ủy ban nhân dân huyện ban hành kế hoạch như sau:\n1. Tổ chức trang trọng.',
    );
    expect(r.issuer).toMatchObject({ name: 'Ủy ban nhân dân huyện Nam Đàn', level: 'district', province: 'nghe-an' });
    expect(r.notes.guesses.join(' ')).toMatch(/Nghệ An/);
  });
  it('damaged names are read as the body they mean, and say so', () => {
    const r = imp(
      'Y BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 77/TB-UBND\nBình Phước, ngày 3 tháng 3 năm 2020\nTHÔNG BÁO\nVỀ LỊCH TIẾP CÔNG DÂN\n\nỦy ban nhân dân tỉnh thông báo lịch tiếp công dân như sau.',
    );
    expect(r.data.issuer).toBe('uy-ban-nhan-dan-tinh-binh-phuoc');
    expect(r.notes.guesses.join(' ')).toMatch(/«Y BAN NHÂN DÂN» là «ỦY BAN NHÂN DÂN»/);
    const s = imp(
      'ƯBND TỈNH BÌNH PHƯỚC\nSỞ TÀI CHÍNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 501/STC-NS\nBình Phước, ngày 3 tháng 3 năm 2020\nV/v quyết toán ngân sách\n\nSở Tài chính đề nghị các đơn vị gửi báo cáo.',
    );
    expect(s.data.issuer).toBe('so-tai-chinh-tinh-binh-phuoc');
  });
});

describe('signing blocks', () => {
  const head =
    'SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NAM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 905/SGDĐT-VP\nHà Nam, ngày 3 tháng 8 năm 2022\nV/v chuẩn bị năm học mới\n\nSở đề nghị các trường chuẩn bị tốt các điều kiện cho năm học mới.\n\n';
  it("the name on the office's line, and `(Đã ký)`", () => {
    const r = imp(
      `${head}Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n(Đã ký)\nGIÁM ĐỐC Phạm Văn Bình`.replace(
        'GIÁM ĐỐC\n(Đã ký)\nGIÁM ĐỐC',
        '(Đã ký)\nGIÁM ĐỐC',
      ),
    );
    expect(r.data.signer).toEqual({ name: 'Phạm Văn Bình', title: 'Giám đốc' });
    expect(r.body).not.toMatch(/Đã ký/);
  });
  it('a cut document imports with warnings for what is missing, never refused for it', () => {
    const r = imp(`${head}`);
    expect(r.data.signer).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(/không thấy khối chữ ký[\s\S]*Nơi nhận/);
  });
});

describe('damage', () => {
  const head =
    'ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 41/BC-UBND\nCà Mau, ngày 12 tháng 10 năm 2022\nBÁO CÁO\nTÌNH HÌNH THIÊN TAI NĂM 2022\n\n';
  it('literal `\\r\\n` escapes are line breaks', () => {
    const r = imp(`${head}1. Tình hình chung.\\r\\n2. Thiệt hại do mưa bão.\\r\\n3. Kiến nghị.`);
    expect(r.body).toMatch(/1\. Tình hình chung\.\n2\. Thiệt hại/);
    expect(r.notes.repairs.join(' ')).toMatch(/xuống dòng/);
  });
  it('tone marks left detached by a PDF font go back on their vowels when it is certain, else a warning', () => {
    const r = imp(`${head}Tổng hợp vê ̀ thiêt ̣ hai ̣ do mưa lớn gây ra trong tháng.\n\nCác địa phương thiêt hai ̀ ̣ ̣ nặng cần báo cáo.`);
    expect(r.body).toContain('Tổng hợp về thiệt hại do mưa lớn');
    expect(r.body).toContain('Các địa phương thiêt hai ̀ ̣ ̣ nặng');
    expect(r.warnings.join(' ')).toMatch(/dòng 12: dấu thanh tách rời/);
  });
  it('letters lost by OCR are named in a warning', () => {
    const r = imp(`${head}Tình hình phát trin kinh tế, cơng tác quc phòng được bảo đảm.`);
    expect(r.warnings.join(' ')).toMatch(/«cơng», «quc»/);
  });
});

describe('attached documents', () => {
  const decision =
    'ỦY BAN NHÂN DÂN\nTỈNH LONG AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 2210/QĐ-UBND\nLong An, ngày 15 tháng 6 năm 2021\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế tiếp công dân\nỦY BAN NHÂN DÂN TỈNH LONG AN\nCăn cứ Luật Tiếp công dân;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế tiếp công dân.\nĐiều 2. Quyết định có hiệu lực từ ngày ký.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Út\n\n';
  const annex =
    'ỦY BAN NHÂN DÂN\nTỈNH LONG AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nQUY CHẾ\nTIẾP CÔNG DÂN\n(Ban hành kèm theo Quyết định số 2210/QĐ-UBND ngày 15/6/2021 của UBND tỉnh)\n\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc tiếp công dân.';
  it('the attached quy chế is kept as an annex with its own heading', () => {
    const r = imp(decision + annex);
    expect(r.data.signer?.name).toBe('Nguyễn Văn Út');
    expect(r.body).toMatch(/^## QUY CHẾ TIẾP CÔNG DÂN$/m);
    expect(r.body).toContain('Quy chế này quy định việc tiếp công dân.');
    expect(r.notes.guesses.join(' ')).toMatch(/phụ lục/);
  });
  it('a second document with a number of its own is refused: one file, one directive', () => {
    const other = decision.replace('2210/QĐ-UBND', '2211/QĐ-UBND');
    expect(refusal(decision + other).reason).toMatch(/tệp có hai văn bản: số 2210\/QĐ-UBND và số 2211\/QĐ-UBND/);
    expect(refusal(decision + decision).reason).toMatch(/có hai lần trong cùng tệp/);
  });
  it('a quy chế on its own, with no number, is refused with the reason and what to do', () => {
    const r = refusal(annex);
    expect(r.reason).toMatch(/không có số hiệu riêng: nó được ban hành kèm theo Quyết định số 2210\/QĐ-UBND/);
  });
});

describe('no formal header', () => {
  const republished =
    'Ngày 5/9, Ban Thường vụ Tỉnh ủy Hòa Bình ban hành Chỉ thị số 22-CT/TU về tăng cường công tác phòng, chống ma túy.\nNội dung Chỉ thị như sau:\nThời gian qua, công tác phòng, chống ma túy trên địa bàn tỉnh đạt nhiều kết quả.\nBan Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt các nhiệm vụ sau.';
  it('is refused, naming what the lead says and how to supply the missing fields', () => {
    const r = refusal(republished);
    expect(r.reason).toMatch(/không có phần đầu văn bản/);
    expect(r.reason).toMatch(/Chỉ thị số 22-CT\/TU/);
    expect(r.reason).toMatch(/\.meta\.yaml/);
    expect(
      refusal('THƯ NGỎ\n\nKính gửi: Các doanh nghiệp trên địa bàn tỉnh\n\nNhân dịp năm mới, Ủy ban nhân dân tỉnh gửi lời chúc mừng.')
        .reason,
    ).toMatch(/không có phần đầu văn bản/);
  });
  it("imports with the clerk's `<name>.meta.yaml`, the lead reported as skipped", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meta-'));
    fs.writeFileSync(path.join(dir, 'chi-thi-22.txt'), republished);
    fs.writeFileSync(
      path.join(dir, 'chi-thi-22.meta.yaml'),
      'number: 22-CT/TU\ntype: chi-thi\nissuer: Ban Thường vụ Tỉnh ủy Hòa Bình\nissued: 2023-09-05\ntitle: Về tăng cường công tác phòng, chống ma túy\n',
    );
    const parsed = await parseFile(path.join(dir, 'chi-thi-22.txt'));
    expect(parsed.ok, !parsed.ok ? parsed.reason : '').toBe(true);
    if (!parsed.ok) return;
    const built = buildDirective(parsed.doc, freshRegistry());
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.built.data).toMatchObject({
      number: '22-CT/TU',
      type: 'chi-thi',
      issuer: 'tinh-uy-hoa-binh',
      issued: '2023-09-05',
      title: 'Về tăng cường công tác phòng, chống ma túy',
    });
    expect(built.built.body).toMatch(/^Thời gian qua/);
    expect(parsed.doc.notes.skipped.map((s) => s.kind)).toEqual(['lead', 'lead']);
    expect(parsed.doc.notes.fromMetadata.join(' ')).toMatch(/chi-thi-22\.meta\.yaml/);
    fs.writeFileSync(path.join(dir, 'chi-thi-22.meta.yaml'), 'number: 22-CT/TU\nsố: 22\n');
    const bad = await parseFile(path.join(dir, 'chi-thi-22.txt'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/chi-thi-22\.meta\.yaml: khóa không dùng được: số/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
