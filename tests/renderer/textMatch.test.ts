import { describe, expect, it } from 'vitest';
import { matchesFilter, searchTerms, splitHighlights } from '../../renderer/features/console/textMatch';
import { questionSchema } from '../../shared/protocol';

const question = (id: number, text: string) =>
  questionSchema.parse({
    id,
    reference: `2026-${String(id).padStart(4, '0')}`,
    channel: 'web',
    senderName: 'Айгерим',
    senderContact: null,
    district: null,
    topic: null,
    language: 'kk',
    originalText: text,
    airText: text,
    status: 'new',
    rejectReason: null,
    receivedAt: 0,
    updatedAt: 0,
    version: 1,
  });

describe('the console’s live text match (mirrors the server’s search)', () => {
  it('folds Kazakh letters on both sides', () => {
    const q = question(7, 'Төле би мен Шуғыла: жол қашан жөнделеді?');
    for (const text of ['Толе', 'шугыла', 'кашан жонд', 'ТӨЛЕ БИ']) expect(matchesFilter(q, { text }), text).toBe(true);
    expect(matchesFilter(question(8, 'Толе би, кашан?'), { text: 'Төле қашан' })).toBe(true);
    expect(matchesFilter(q, { text: 'Абай' })).toBe(false);
  });

  it('highlights the word as written when the search was typed without Kazakh letters', () => {
    const parts = splitHighlights('Шуғыла ауданы', searchTerms('шугыла'));
    expect(parts).toEqual([
      { text: 'Шуғыла', hit: true },
      { text: ' ауданы', hit: false },
    ]);
  });

  it('matches a question by its reference number, with or without the year', () => {
    const q = question(42, 'Вопрос без цифр');
    for (const text of ['2026-0042', '2026-42', '0042', '42', '№42']) expect(matchesFilter(q, { text }), text).toBe(true);
    expect(matchesFilter(q, { text: '2025-0042' })).toBe(false);
    expect(matchesFilter(q, { text: '43' })).toBe(false);
  });
});
