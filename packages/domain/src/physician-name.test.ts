import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidPhysicianName, physicianNameSchema } from './physician-name';

describe('physicianNameSchema', () => {
  it('accepts Han names, including Extension A and B characters', () => {
    for (const name of ['张三', '欧阳娜娜', '王㐀', '𠮷野', '李'.repeat(30)]) expect(physicianNameSchema.parse(name)).toBe(name);
  });

  it('accepts a minority name with a middle dot and normalises look-alike dots', () => {
    expect(physicianNameSchema.parse('买买提·艾力')).toBe('买买提·艾力');
    expect(physicianNameSchema.parse(' 阿依古丽•吐尔逊 ')).toBe('阿依古丽·吐尔逊');
    expect(physicianNameSchema.parse('阿依古丽・吐尔逊')).toBe('阿依古丽·吐尔逊');
  });

  it('refuses letters, digits, spaces, stray dots and wrong lengths with the real-name message', () => {
    for (const bad of ['张', '张三a', 'Zhang San', '张 三', '张3', '·张三', '张三·', '张··三', '李'.repeat(31), '']) {
      const r = physicianNameSchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('姓名须为身份证上的真实姓名（汉字，少数民族姓名可用“·”分隔）');
    }
  });

  it('never accepts a name containing an ASCII letter or digit', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom(...'aZ09'), fc.string(), (a, ch, b) => !isValidPhysicianName(`张${a}${ch}${b}三`)));
  });
});
