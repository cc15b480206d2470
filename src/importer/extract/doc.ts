/** The text of a Word 97–2003 `.doc`, read with word-extractor (table cells come tab-separated: the parser's cells). */
import WordExtractor from 'word-extractor';

export async function readDoc(bytes: Buffer): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  try {
    const doc = await new WordExtractor().extract(bytes);
    const text = doc.getBody().replace(/\r\n?/g, '\n');
    return text.trim() ? { ok: true, text } : { ok: false, reason: 'tệp Word .doc không có chữ' };
  } catch (e) {
    return { ok: false, reason: `không đọc được tệp Word .doc (${(e as Error).message.split('\n')[0]}); mở bằng Word và lưu lại` };
  }
}
