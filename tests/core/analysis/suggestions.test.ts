import { describe, expect, it } from 'vitest';
import { suggest } from '../../../electron/core/analysis/suggestions';
import { DISTRICTS } from '../../../shared/domain';
import {
  DEFAULT_SUGGESTION_RULES,
  SUGGESTION_SPEAKERS,
  type SuggestionKind,
  type SuggestionRule,
} from '../../../shared/suggestionRules';
import { TOPICS } from '../../../shared/vocabulary';

function top(text: string, kind: SuggestionKind, rules: readonly SuggestionRule[] = DEFAULT_SUGGESTION_RULES) {
  return suggest(text, rules).find((s) => s.kind === kind)?.value;
}

describe('suggest with the default rules', () => {
  it.each([
    ['В Ауэзовском районе в мкр Аксай-4 нет отопления, когда дадут тепло?', 'utilities', 'auezov', 'energy_department'],
    ['Әуезов ауданы, Ақсай-4 шағын ауданында жылу жоқ. Қашан береді?', 'utilities', 'auezov', 'energy_department'],
    ['Когда метро дотянут до микрорайона Калкаман?', 'transport', 'nauryzbay', 'deputy_transport'],
    ['Наурызбай ауданында су жиі өшіріледі', 'utilities', 'nauryzbay', 'energy_department'],
    ['В Турксибском районе постоянно отключают свет', 'utilities', 'turksib', 'energy_department'],
    ['Балабақшаға кезек үш жылдан бері жылжымайды, Алатау ауданы', 'education', 'alatau', 'education_department'],
    ['Пробки на дороге к Кок-Тобе в Медеуском районе', 'roads', 'medeu', 'deputy_transport'],
    ['Почему в поликлинике Бостандыкского района очередь к врачу две недели?', 'healthcare', 'bostandyk', 'health_department'],
    ['Смог над городом, когда ТЭЦ-2 переведут на газ? Жетысуский район задыхается', 'ecology', 'zhetysu', 'ecology_department'],
    ['Многодетным в Алмалинском районе задерживают пособие', 'social', 'almaly', 'social_department'],
  ])('suggests topic, district and speaker for "%s"', (text, topic, district, speaker) => {
    expect(top(text, 'topic')).toBe(topic);
    expect(top(text, 'district')).toBe(district);
    expect(top(text, 'speaker')).toBe(speaker);
  });

  it('finds a district by its inflected Russian and Kazakh names', () => {
    for (const text of ['Медеуский район', 'в Медеуском районе', 'Медеу ауданында', 'Бостандық ауданы', 'Бостандыкского района']) {
      expect(suggest(text, DEFAULT_SUGGESTION_RULES).filter((s) => s.kind === 'district')).toHaveLength(1);
    }
  });

  it('does not take Auezov street for the Auezov district', () => {
    expect(top('На улице Ауэзова в Бостандыкском районе снесли дом', 'district')).toBe('bostandyk');
    expect(top('Театр Ауэзова закрыт на ремонт', 'district')).toBeUndefined();
  });

  it('matches short keywords as whole words only', () => {
    expect(top('В газете написали про новый газон', 'topic')).toBe('parks');
    expect(top('Когда проведут газ в Алгабас?', 'topic')).toBe('utilities');
  });

  it('counts a word for the longest keyword of a kind it matches', () => {
    const suggestions = suggest('Не работает светофор на Сейфуллина', DEFAULT_SUGGESTION_RULES);
    expect(suggestions.filter((s) => s.kind === 'topic')).toEqual([
      { kind: 'topic', value: 'roads', score: 1, matched: ['светофор'] },
    ]);
  });

  it('suggests nothing for a question with no keyword', () => {
    expect(suggest('Спасибо за эфир!', DEFAULT_SUGGESTION_RULES)).toEqual([]);
  });
});

describe('suggest with producers’ rules', () => {
  const rules: SuggestionRule[] = [
    { kind: 'topic', value: 'roads', keywords: ['Дорог', 'ямы', 'жол жөндеу'] },
    { kind: 'topic', value: 'transport', keywords: ['автобус', 'Маршрут'] },
    { kind: 'topic', value: 'parks', keywords: ['Ёлоч', 'парк'] },
    { kind: 'topic', value: 'ecology', keywords: ['смог'] },
    { kind: 'district', value: 'medeu', keywords: ['медеу'] },
    { kind: 'speaker', value: 'akim', keywords: [] },
  ];

  it('scores each matching word and sorts suggestions best first', () => {
    expect(suggest('Автобус 92 по маршруту ходит редко, автобусы старые, дорога в ямах', rules)).toEqual([
      { kind: 'topic', value: 'transport', score: 3, matched: ['автобус', 'Маршрут'] },
      { kind: 'topic', value: 'roads', score: 1, matched: ['Дорог'] },
    ]);
  });

  it('matches keywords of several words in a row', () => {
    expect(top('Біздің көшеде жол жөндеу қашан басталады?', 'topic', rules)).toBe('roads');
    expect(top('Жол ауыр, жөндеу жоқ', 'topic', rules)).toBeUndefined();
  });

  it('folds case, ё and Kazakh letters typed on a Russian keyboard in rules and text alike', () => {
    expect(top('Когда поставят ЕЛОЧКУ?', 'topic', rules)).toBe('parks');
    expect(top('ёлочный базар', 'topic', rules)).toBe('parks');
    expect(top('Жол жондеу качан?', 'topic', rules)).toBe('roads');
  });

  it('keeps only the best suggestions of each kind', () => {
    const text = 'Дорога, автобус, парк и смог — всё в одном вопросе';
    expect(suggest(text, rules, { perKind: 2 }).filter((s) => s.kind === 'topic')).toHaveLength(2);
    expect(suggest(text, rules).filter((s) => s.kind === 'topic')).toHaveLength(3);
  });

  it('applies edited rules passed as a new array', () => {
    const text = 'Когда уберут мусор во дворе?';
    expect(top(text, 'topic', rules)).toBeUndefined();
    const edited = [...rules, { kind: 'topic' as const, value: 'ecology', keywords: ['мусор'] }];
    expect(top(text, 'topic', edited)).toBe('ecology');
  });

  it('merges rules that suggest the same value', () => {
    const split: SuggestionRule[] = [
      { kind: 'district', value: 'medeu', keywords: ['медеу'] },
      { kind: 'district', value: 'medeu', keywords: ['коктобе'] },
    ];
    expect(suggest('Коктобе и Медеу', split)).toEqual([
      { kind: 'district', value: 'medeu', score: 2, matched: ['коктобе', 'медеу'] },
    ]);
  });
});

describe('DEFAULT_SUGGESTION_RULES', () => {
  it('has a rule for every district, every topic and every speaker', () => {
    const values = (kind: SuggestionKind) => new Set(DEFAULT_SUGGESTION_RULES.filter((r) => r.kind === kind).map((r) => r.value));
    expect(values('district')).toEqual(new Set(DISTRICTS));
    expect(values('topic')).toEqual(new Set(TOPICS));
    expect(values('speaker')).toEqual(new Set(SUGGESTION_SPEAKERS));
  });

  it('has no empty keyword, which would match every question', () => {
    for (const rule of DEFAULT_SUGGESTION_RULES) for (const k of rule.keywords) expect(k.trim()).not.toBe('');
  });
});
