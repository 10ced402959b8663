import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { nameText, plainText } from './plain-text';

const issue = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? undefined : r.error.issues[0];
};

describe('plainText', () => {
  it('keeps ordinary text, CJK, emoji and rare characters as they are', () => {
    for (const s of ['', '北京市海淀医院', 'Zhang San', '张三（药剂科）', '𠮷野', '😀', 'a\u0301', '301医院']) {
      expect(plainText().parse(s)).toBe(s);
    }
  });

  it('refuses NUL and every other C0 and C1 control with its own code and a Chinese message', () => {
    for (let cp = 0; cp <= 0x9f; cp++) {
      if (cp >= 0x20 && cp < 0x7f) continue;
      const i = issue(plainText(), `张${String.fromCharCode(cp)}三`);
      expect(i, `U+${cp.toString(16)}`).toMatchObject({ message: '不能包含控制字符', params: { errorCode: 'TEXT_CONTROL_CHARACTER' } });
    }
  });

  it('refuses lone surrogates but keeps surrogate pairs', () => {
    expect(issue(plainText(), 'a\uD800b')?.message).toBe('不能包含控制字符');
    expect(issue(plainText(), 'a\uDC00')?.message).toBe('不能包含控制字符');
    expect(plainText().parse('\uD842\uDFB7')).toBe('𠮷');
  });

  it('lets tab and line breaks through only when multi-line', () => {
    expect(issue(plainText(), '第一行\n第二行')?.message).toBe('不能包含控制字符');
    expect(plainText({ multiline: true }).parse('第一行\r\n\t第二行')).toBe('第一行\r\n\t第二行');
    expect(issue(plainText({ multiline: true }), '第一行\u0000')?.message).toBe('不能包含控制字符');
  });

  it('chains like z.string() and keeps its own type message', () => {
    const s = plainText({ error: '请填写名称' }).trim().min(1, '请填写名称').max(3, '过长');
    expect(s.parse('  甲乙 ')).toBe('甲乙');
    expect(issue(s, 42)?.message).toBe('请填写名称');
    expect(issue(s, '甲乙丙丁')?.message).toBe('过长');
  });

  it('never accepts a string holding a control character', () => {
    const control = fc.integer({ min: 0, max: 0x9f }).filter((c) => c < 0x20 || c >= 0x7f).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string(), control, fc.string(), (a, c, b) => !plainText().safeParse(a + c + b).success));
  });
});

describe('nameText', () => {
  it('accepts names of people, institutions and holidays', () => {
    for (const s of ['张经办', '阿依古丽·吐尔逊', 'Dr. Li', '中国人民解放军总医院（301医院）', '国庆节调休上班', 'Zoë', '王㐀']) {
      expect(nameText().parse(s)).toBe(s);
    }
  });

  it('refuses direction-changing, zero-width and other invisible characters', () => {
    const bad = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C',
      '\u200D', '\u200E', '\u200F', '\uFEFF', '\u2060', '\u00AD', '\u061C', '\u3164', '\u2028', '\u{E0041}'];
    for (const ch of bad) {
      const i = issue(nameText(), `张${ch}三`);
      expect(i, `U+${ch.codePointAt(0)!.toString(16)}`).toMatchObject({ message: '不能包含不可见字符或改变文字方向的字符', params: { errorCode: 'TEXT_INVISIBLE_CHARACTER' } });
    }
  });

  it('refuses combining marks without a base character', () => {
    for (const s of ['\u0301张三', '张 \u0301三', '\u20DD', '(\u0308)']) expect(issue(nameText(), s)?.message).toBe('不能包含不可见字符或改变文字方向的字符');
  });

  it('normalises a decomposed accent to its composed form', () => {
    expect(nameText().parse('Zoe\u0308')).toBe('Zoë');
  });

  it('refuses control characters with the control message first', () => {
    expect(issue(nameText(), '张\u0000\u202E三')?.message).toBe('不能包含控制字符');
  });
});
