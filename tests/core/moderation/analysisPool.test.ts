import { afterEach, describe, expect, it } from 'vitest';
import type { SuggestionRule } from '../../../shared/protocol';
import { DEFAULT_SUGGESTION_RULES } from '../../../shared/suggestionRules';
import { createAnalysisPool, type AnalysisPool } from '../../../electron/core/moderation/analysisPool';
import { analyseText } from '../../../electron/core/moderation/textAnalysis';

let pool: AnalysisPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

const TEXTS = [
  { text: 'Когда починят лифт на Тимирязева 42? Мой телефон 87011234567', language: 'ru' as const },
  { text: 'Қашан Абай даңғылы жөнделеді?', language: 'kk' as const },
  { text: 'Дебилы в КСК опять отключили воду в Аксае', language: 'ru' as const },
  { text: 'When will the road on Abay avenue be repaired?', language: null },
  { text: 'Почему в Жетысу-2 нет горячей воды третью неделю?', language: 'ru' as const },
];

describe('the analysis pool', () => {
  it('analyses in worker threads exactly as the main thread does, in order, with the rules sent', async () => {
    pool = createAnalysisPool(2);
    const texts = Array.from({ length: 40 }, (_, i) => TEXTS[i % TEXTS.length]!);
    expect(await pool.analyse(texts, DEFAULT_SUGGESTION_RULES)).toEqual(texts.map((t) => analyseText(t, DEFAULT_SUGGESTION_RULES)));
    // Rules a producer edited reach the workers with the next batch.
    const rules: SuggestionRule[] = [{ kind: 'speaker', value: 'Лифтовый отдел', keywords: ['лифт'] }];
    const [lift] = await pool.analyse([TEXTS[0]!], rules);
    expect(lift!.suggestions.speaker).toBe('Лифтовый отдел');
    expect(lift).toEqual(analyseText(TEXTS[0]!, rules));
  });

  it('refuses batches once closed, so intake analyses on its own thread', async () => {
    pool = createAnalysisPool(1);
    await pool.analyse([TEXTS[1]!], DEFAULT_SUGGESTION_RULES);
    await pool.close();
    await expect(pool.analyse([TEXTS[1]!], DEFAULT_SUGGESTION_RULES)).rejects.toThrow();
  });
});
