/**
 * Masks what could identify someone in free text before it is stored:
 * mainland ID-card numbers, mobile and landline numbers, e-mail addresses.
 * Digits are replaced by `*` keeping the length visible, so the text still reads.
 */
const patterns: RegExp[] = [
  // ID card: 17 digits and a digit or X, or the old 15-digit form.
  /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g,
  // Mobile: 11 digits starting 1[3-9], optionally +86 and spaced or dashed.
  /(?:\+?86[\s-]?)?(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g,
  // Landline: area code 0xx(x) then 7-8 digits.
  /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g,
  // E-mail.
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
];

export function maskPersonalData(text: string): string {
  return patterns.reduce((t, re) => t.replace(re, (m) => m.replace(/[0-9A-Za-z]/g, '*')), text);
}
