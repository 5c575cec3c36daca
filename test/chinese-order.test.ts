import { describe, expect, it } from 'vitest';
import { byNumberedName, leadingNumber } from '../shared/domain/chinese-order';

describe('names in the order people count them', () => {
  it('reads Chinese and Arabic numerals', () => {
    expect(['第一督导组', '第十督导组', '第十二督导组', '第二十督导组', '第3组'].map(leadingNumber)).toEqual([
      1, 10, 12, 20, 3,
    ]);
    expect(leadingNumber('综合督导组')).toBeUndefined();
  });
  it('sorts 第一、第二 … 第十一 before unnumbered names', () => {
    const names = ['第三督导组', '综合组', '第十一督导组', '第一督导组', '第二督导组', '第十督导组'];
    expect(
      names
        .map((name) => ({ name }))
        .sort(byNumberedName)
        .map((g) => g.name),
    ).toEqual(['第一督导组', '第二督导组', '第三督导组', '第十督导组', '第十一督导组', '综合组']);
  });
});
