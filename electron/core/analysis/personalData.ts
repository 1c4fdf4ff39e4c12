import { isValidPhoneNumber } from 'libphonenumber-js';

/** Kind of personal data found in a question. */
export type PersonalDataKind = 'phone' | 'iin' | 'email';

/** A run of personal data in the text: `value` is `text.slice(start, end)`, as written. */
export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
  value: string;
}

/** What replaces each span on screens that must not show personal data. */
export const PERSONAL_DATA_MASK = '•••';

// Local part and dot-separated labels, letters of any script (иван@почта.рф). The lookbehind
// rejects starts inside a local part, so a long word with no '@' costs O(n), not O(n²).
const LOCAL_EDGE = '[\\p{L}\\p{N}_%+-]';
const LOCAL = `${LOCAL_EDGE}(?:[\\p{L}\\p{N}._%+-]*${LOCAL_EDGE})?`;
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const EMAIL = new RegExp(`(?<![\\p{L}\\p{N}._%+-])${LOCAL}@${LABEL}(?:\\.${LABEL})*\\.\\p{L}{2,}`, 'gu');

// 12 digits standing alone among digits; letters may touch them ("ИИН870101300019").
const TWELVE_DIGITS = /(?<!\d)\d{12}(?!\d)/g;
const ONLY_TWELVE_DIGITS = /^\d{12}$/;

// A run of digits joined by the separators people put inside phone numbers; `,` and `;`
// end a run, so lists of numbers split here rather than inside libphonenumber.
const PHONE_RUN = /[+(]?\d(?:[\d \u00A0().-]*\d)?/g;
const DIGIT_GROUP = /\d+/g;

// Almaty landlines are often written without the city code: 250-12-34.
const LOCAL_ALMATY = /^\d{3}-\d{2}-\d{2}$/;

const IIN_WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const IIN_WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  return sum % 11;
}

function hasIinOrBinStructure(d: string): boolean {
  const month = Number(d.slice(2, 4));
  if (month < 1 || month > 12) return false;
  const day = Number(d.slice(4, 6));
  const centurySex = d.charCodeAt(6) - 48;
  // IIN: YYMMDD, then a century/sex digit 1–6.
  const iin = day >= 1 && day <= 31 && centurySex >= 1 && centurySex <= 6;
  // BIN: YYMM, then the entity type 4–6 and an attribute digit 0–3.
  const entityType = d.charCodeAt(4) - 48;
  const attribute = d.charCodeAt(5) - 48;
  const bin = entityType >= 4 && entityType <= 6 && attribute >= 0 && attribute <= 3;
  return iin || bin;
}

/** True for a 12-digit IIN or BIN with a plausible structure and a correct check digit. */
export function isValidIin(digits: string): boolean {
  if (!ONLY_TWELVE_DIGITS.test(digits) || !hasIinOrBinStructure(digits)) return false;
  let check = weightedMod11(digits, IIN_WEIGHTS_1);
  if (check === 10) check = weightedMod11(digits, IIN_WEIGHTS_2);
  return check !== 10 && check === digits.charCodeAt(11) - 48;
}

function isPhone(candidate: string, digitCount: number): boolean {
  if (digitCount === 7) return LOCAL_ALMATY.test(candidate) && isValidPhoneNumber(`8727${candidate}`, 'KZ');
  return isValidPhoneNumber(candidate, 'KZ');
}

interface DigitGroup {
  start: number;
  end: number;
}

/**
 * The longest valid phone starting at digit group `first` of a run, if any. Longest first, so
 * "8 701 123 45 67" is not cut to "8 701 123 45".
 */
function longestPhoneAt(run: string, groups: readonly DigitGroup[], first: number) {
  const head = groups[first];
  if (!head) return undefined;
  // A '+' or '(' written right before the first digit belongs to the number.
  const before = run[head.start - 1];
  const start = before === '+' || before === '(' ? head.start - 1 : head.start;
  const maxDigits = before === '+' ? 15 : 12;
  const candidates: Array<{ end: number; digits: number; next: number }> = [];
  let digits = 0;
  for (let j = first; j < groups.length; j++) {
    const g = groups[j];
    if (!g) break;
    digits += g.end - g.start;
    if (digits > maxDigits) break;
    if (digits >= 10 || digits === 7) candidates.push({ end: g.end, digits, next: j + 1 });
  }
  for (const c of candidates.reverse()) {
    const value = run.slice(start, c.end);
    if (isPhone(value, c.digits)) return { start, end: c.end, value, next: c.next };
  }
  return undefined;
}

/**
 * Phones inside one run of digits and separators. libphonenumber-js's own text search
 * (findPhoneNumbersInText, 1.13) misreports the end of a number followed by ", 8701…" and skips
 * the second one, which would leave digits on screen; so candidates are chosen here and the
 * library only says whether a candidate is a valid number.
 */
function findPhonesInRun(run: string, runStart: number, out: PersonalDataSpan[]): void {
  const groups: DigitGroup[] = [];
  DIGIT_GROUP.lastIndex = 0;
  for (let m = DIGIT_GROUP.exec(run); m; m = DIGIT_GROUP.exec(run)) {
    groups.push({ start: m.index, end: m.index + m[0].length });
  }
  let i = 0;
  while (i < groups.length) {
    const phone = longestPhoneAt(run, groups, i);
    if (!phone) {
      i++;
      continue;
    }
    out.push({ kind: 'phone', start: runStart + phone.start, end: runStart + phone.end, value: phone.value });
    i = phone.next;
  }
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function overlapsAny(spans: readonly PersonalDataSpan[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && s.start < end);
}

/**
 * Phones, IINs/BINs and e-mail addresses in `text`, sorted by position, never overlapping.
 * An e-mail address wins over digits inside it, and an IIN wins over a phone reading of the
 * same digits (an IIN may start with 87…).
 */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  if (text.includes('@')) {
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
      spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length, value: m[0] });
    }
  }
  TWELVE_DIGITS.lastIndex = 0;
  for (let m = TWELVE_DIGITS.exec(text); m; m = TWELVE_DIGITS.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isValidIin(m[0]) && !overlapsAny(spans, start, end)) {
      spans.push({ kind: 'iin', start, end, value: m[0] });
    }
  }
  const phones: PersonalDataSpan[] = [];
  PHONE_RUN.lastIndex = 0;
  for (let m = PHONE_RUN.exec(text); m; m = PHONE_RUN.exec(text)) {
    if (countDigits(m[0]) >= 7) findPhonesInRun(m[0], m.index, phones);
  }
  for (const p of phones) if (!overlapsAny(spans, p.start, p.end)) spans.push(p);
  return spans.sort((a, b) => a.start - b.start);
}

/** `text` with every personal-data span replaced by {@link PERSONAL_DATA_MASK}. */
export function maskPersonalData(text: string): string {
  const spans = findPersonalData(text);
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + PERSONAL_DATA_MASK;
    cursor = s.end;
  }
  return out + text.slice(cursor);
}
