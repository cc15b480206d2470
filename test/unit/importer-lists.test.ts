import { describe, expect, it } from 'vitest';
import { isListItem, itemText, ItemList, KINH_GUI, NOI_NHAN } from '../../src/importer/lists.ts';

describe('lists', () => {
  it('items lose marker and trailing punctuation, keep inner punctuation', () => {
    expect(itemText('- Ban Dân vận TW Đảng (B/c),')).toBe('Ban Dân vận TW Đảng (B/c)');
    expect(itemText('- Lưu: VT, NVY.')).toBe('Lưu: VT, NVY');
    expect(itemText('– Như trên;')).toBe('Như trên');
  });
  it('recognises items and labels', () => {
    expect(isListItem('- Như trên,')).toBe(true);
    expect(isListItem('-------')).toBe(false);
    expect(KINH_GUI.test('Kính gửi: - A')).toBe(true);
    expect(NOI_NHAN.test('Nơi nhận:')).toBe(true);
  });
  it('wrapped lines continue the open item, keeping its comma', () => {
    const l = new ItemList();
    l.add('- Các huyện ủy, thành ủy, thị ủy,');
    expect(l.continueWith('đảng ủy trực thuộc Tỉnh ủy,')).toBe(true);
    l.add('- Lưu BTG.');
    expect(l.continueWith('Nguyễn Văn A')).toBe(false);
    expect(l.items).toEqual(['Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy', 'Lưu BTG']);
    expect(l.closed).toBe(true);
  });
});
