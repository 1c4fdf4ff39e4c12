import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';

/** Kind of personal data found in a question. */
export type PersonalDataKind = 'phone' | 'iin' | 'card' | 'email';

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

// A run of digits joined by the separators people put inside numbers; `,`, `;` and a full stop
// ending a sentence end a run, so lists of numbers split here rather than inside libphonenumber.
const DIGIT_RUN = /[+(]?\d(?:(?:[\d \u00A0()-]|\.(?!\s))*\d)?/g;
const DIGIT_GROUP = /\d+/g;
// Cards and IINs are written with spaces or dashes only; a dot or bracket makes dates and phones.
const ID_SEPARATOR = /^[ \u00A0-]$/;

// Almaty landlines are often written without the city code: 250-12-34.
const LOCAL_ALMATY = /^\d{3}-\d{2}-\d{2}$/;

// A number followed by a currency is money, however many digits it has ("120 000 000 000 тенге").
const CURRENCY_AFTER = /^[ \u00A0]?(?:тенге|теңге|тг|₸|tenge|kzt|руб|рубл|₽|сом|\$|usd|долл|доллар|евро|€|eur)/iu;
const CURRENCY_BEFORE = /(?:\$|€|₽)[ \u00A0]?$/u;

const ONLY_TWELVE_DIGITS = /^\d{12}$/;

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

/** True for 12 digits a person would take for an IIN: written in one piece, or a plausible one. */
function isIinShaped(digits: string, inOnePiece: boolean): boolean {
  if (digits.length !== 12) return false;
  if (inOnePiece || isValidIin(digits)) return true;
  // Spaced out ("9001 0130 0126"), a wrong check digit still reads as an IIN when it starts
  // with a birth date; "2023 2024 2025" does not.
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Luhn check over a string of digits (bank cards). */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Card numbers start with 2 (Mir, Mastercard), 3 (Amex, JCB), 4 (Visa), 5 (Mastercard) or 6
// (UnionPay, Maestro); phones written here start with 7 or 8.
function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && isLuhnValid(digits);
}

// Without '+', only Kazakh numbers: +7 is shared with Russia, and "92. 2023-2024" reads as a
// Russian mobile (922…) to the library.
function isPhone(candidate: string, digitCount: number): boolean {
  if (digitCount === 7) return LOCAL_ALMATY.test(candidate) && isValidPhoneNumber(`8727${candidate}`, 'KZ');
  if (candidate.startsWith('+')) return isValidPhoneNumber(candidate, 'KZ');
  const phone = parsePhoneNumberFromString(candidate, 'KZ');
  return phone?.country === 'KZ' && phone.isValid();
}

/** A run of digits in the text, by absolute position. */
interface DigitGroup {
  start: number;
  end: number;
}

function isMoney(text: string, start: number, end: number): boolean {
  return CURRENCY_AFTER.test(text.slice(end, end + 8)) || CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 2), start));
}

function digitsOf(text: string, groups: readonly DigitGroup[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += text.slice(groups[i]!.start, groups[i]!.end);
  return out;
}

/**
 * The longest valid phone starting at group `first` and ending before group `limit`, if any.
 * Longest first, so "8 701 123 45 67" is not cut to "8 701 123 45".
 */
function longestPhoneAt(text: string, groups: readonly DigitGroup[], first: number, limit: number) {
  const head = groups[first]!;
  // A '+' or '(' written right before the first digit belongs to the number.
  const before = text[head.start - 1];
  const start = before === '+' || before === '(' ? head.start - 1 : head.start;
  const maxDigits = before === '+' ? 15 : 12;
  const candidates: Array<{ end: number; digits: number; next: number }> = [];
  let digits = 0;
  for (let j = first; j < limit; j++) {
    const g = groups[j]!;
    digits += g.end - g.start;
    if (digits > maxDigits) break;
    if (digits >= 10 || digits === 7) candidates.push({ end: g.end, digits, next: j + 1 });
  }
  for (const c of candidates.reverse()) {
    const value = text.slice(start, c.end);
    if (isPhone(value, c.digits) && !isMoney(text, start, c.end)) return { start, end: c.end, value, next: c.next };
  }
  return undefined;
}

/**
 * Phones among groups [from, to) that nothing else claimed. libphonenumber-js's own text search
 * (findPhoneNumbersInText, 1.13) misreports the end of a number followed by ", 8701…" and skips
 * the second one, which would leave digits on screen; so candidates are chosen here and the
 * library only says whether a candidate is a valid number.
 */
function phonesIn(text: string, groups: readonly DigitGroup[], from: number, to: number, taken: boolean[], out: PersonalDataSpan[]): void {
  let i = from;
  while (i < to) {
    const phone = longestPhoneAt(text, groups, i, to);
    if (!phone) {
      i++;
      continue;
    }
    out.push({ kind: 'phone', start: phone.start, end: phone.end, value: phone.value });
    taken.fill(true, i, phone.next);
    i = phone.next;
  }
}

/** An IIN or card number made of exactly groups [from, to), if they read as one. */
function idNumber(text: string, groups: readonly DigitGroup[], from: number, to: number): PersonalDataSpan | null {
  const start = groups[from]!.start;
  const end = groups[to - 1]!.end;
  const digits = digitsOf(text, groups, from, to);
  if (isMoney(text, start, end)) return null;
  let kind: PersonalDataKind | null = null;
  if (isIinShaped(digits, to - from === 1)) kind = 'iin';
  else if (isCardNumber(digits)) kind = 'card';
  return kind ? { kind, start, end, value: text.slice(start, end) } : null;
}

/** Consecutive runs [from, to) of groups not yet taken. */
function freeStretches(taken: readonly boolean[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = from;
  while (i < to) {
    if (taken[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && !taken[j]) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * IINs and cards among groups [from, to) left over by phones: the stretch as a whole, else a
 * number written in one piece inside it ("2025 900101300126"). A piece of a longer spaced
 * number is never taken for one: that would mask part of it and show the rest.
 */
function idsInside(text: string, groups: readonly DigitGroup[], from: number, to: number, taken: boolean[], out: PersonalDataSpan[]): void {
  const whole = idNumber(text, groups, from, to);
  if (whole) {
    out.push(whole);
    taken.fill(true, from, to);
    return;
  }
  for (let i = from; i < to; i++) {
    const single = to - from > 1 ? idNumber(text, groups, i, i + 1) : null;
    if (single) {
      out.push(single);
      taken[i] = true;
    }
  }
}

/**
 * Personal numbers in one run of digits and separators. A block (groups joined by single spaces
 * or dashes, as people write IINs and cards) that reads as an IIN or a card as a whole is one;
 * then phones; then IINs and cards among what is left. A 12-digit IIN starting with 87… is
 * therefore not read as a phone, and two phones in a row are not read as an IIN.
 */
function numbersInRun(text: string, runStart: number, runEnd: number, out: PersonalDataSpan[]): void {
  const groups: DigitGroup[] = [];
  DIGIT_GROUP.lastIndex = runStart;
  for (let m = DIGIT_GROUP.exec(text); m && m.index < runEnd; m = DIGIT_GROUP.exec(text)) {
    groups.push({ start: m.index, end: m.index + m[0].length });
  }
  const blocks: Array<[number, number]> = [];
  for (let i = 0; i < groups.length; i++) {
    const last = blocks.at(-1);
    const gap = i === 0 ? '' : text.slice(groups[i - 1]!.end, groups[i]!.start);
    if (last && ID_SEPARATOR.test(gap)) last[1] = i + 1;
    else blocks.push([i, i + 1]);
  }
  // Nobody writes '+' before an IIN or a card: such a block is a phone number.
  const idBlocks = blocks.filter(([from]) => text[groups[from]!.start - 1] !== '+');
  const taken = groups.map(() => false);
  for (const [from, to] of idBlocks) {
    const whole = idNumber(text, groups, from, to);
    if (!whole) continue;
    if (whole.kind === 'card') {
      // Two phones in a row can pass the Luhn check by chance: phones that cover it win.
      const phones: PersonalDataSpan[] = [];
      const covered = groups.map(() => false);
      phonesIn(text, groups, from, to, covered, phones);
      if (covered.slice(from, to).every(Boolean)) continue;
    }
    out.push(whole);
    taken.fill(true, from, to);
  }
  for (const [from, to] of freeStretches(taken, 0, groups.length)) phonesIn(text, groups, from, to, taken, out);
  for (const [from, to] of idBlocks) {
    for (const [a, b] of freeStretches(taken, from, to)) idsInside(text, groups, a, b, taken, out);
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
 * Phones, IINs/BINs (any 12 digits that read as one, check digit right or wrong), bank card
 * numbers (Luhn) and e-mail addresses in `text`, sorted by position, never overlapping. An
 * e-mail address wins over digits inside it.
 */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  if (text.includes('@')) {
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
      spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length, value: m[0] });
    }
  }
  const numbers: PersonalDataSpan[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    if (countDigits(m[0]) >= 7) numbersInRun(text, m.index, m.index + m[0].length, numbers);
  }
  for (const n of numbers) if (!overlapsAny(spans, n.start, n.end)) spans.push(n);
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
