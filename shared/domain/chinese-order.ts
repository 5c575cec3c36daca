const digits: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** The number a name's first Chinese or Arabic numeral spells (第十二督导组 → 12), or undefined. */
export function leadingNumber(name: string): number | undefined {
  const arabic = name.match(/\d+/);
  const chinese = name.match(/[零一二两三四五六七八九十百]+/);
  if (chinese && (!arabic || (chinese.index ?? 0) < (arabic.index ?? 0))) {
    let total = 0;
    let current = 0;
    for (const ch of chinese[0]) {
      if (ch === '百') {
        total += (current || 1) * 100;
        current = 0;
      } else if (ch === '十') {
        total += (current || 1) * 10;
        current = 0;
      } else current = digits[ch] ?? 0;
    }
    return total + current;
  }
  return arabic ? Number(arabic[0]) : undefined;
}

/** Orders names as people count them (第一、第二 … 第十、第十一), then by the name itself. */
export function byNumberedName<T extends { name: string }>(a: T, b: T): number {
  const [x, y] = [leadingNumber(a.name), leadingNumber(b.name)];
  if (x !== undefined && y !== undefined && x !== y) return x - y;
  if ((x === undefined) !== (y === undefined)) return x === undefined ? 1 : -1;
  return a.name.localeCompare(b.name, 'zh');
}
