import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './process';

// A small seeded PRNG (mulberry32), so every run sends the same sequence of texts.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ['tuning', 'heldout'].flatMap((part) =>
  (JSON.parse(readFileSync(join(ROOT, `tests/fixtures/grouping/${part}.json`), 'utf8')) as { questions: Array<{ text: string }> }).questions.map((q) => q.text),
);
const OPENINGS = ['', '', '', 'Здравствуйте! ', 'Сәлеметсіз бе! ', 'Уважаемый аким, ', 'Добрый день. '];
const ENDINGS = ['', '', '', ' Спасибо.', ' Рахмет!', ' Когда?', ' Жители ждут ответа.'];
const DISTRICT_IDS = ['alatau', 'almaly', 'auezov', 'bostandyk', 'zhetysu', 'medeu', 'nauryzbay', 'turksib'];

/**
 * One realistic question: a text of the grouping fixture (ru/kk/en Almaty questions) with a
 * greeting or a closing, sometimes a typo (a letter dropped or doubled), sometimes a house
 * number, in any case.
 */
function variedText(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let text = pick(TEXTS);
  const r = next();
  if (r < 0.25) {
    const at = 1 + Math.floor(next() * (text.length - 2));
    text = text.slice(0, at) + text.slice(at + 1);
  } else if (r < 0.4) {
    const at = Math.floor(next() * text.length);
    text = text.slice(0, at) + text.charAt(at) + text.slice(at);
  }
  if (next() < 0.2) text += ` Дом ${1 + Math.floor(next() * 200)}.`;
  if (next() < 0.1) text = text.toLowerCase();
  return pick(OPENINGS) + text + pick(ENDINGS);
}

/** A public-form message of the realistic mix. */
export interface FormBody {
  name: string;
  district: string;
  text: string;
  language: 'kk' | 'ru';
  submissionId: string;
}

/** Form bodies of the realistic mix, the same sequence every run (ids unique per process and `tag`). */
export function mixBodies(tag = ''): () => FormBody {
  const next = random(20_260_101);
  let n = 0;
  return () => {
    n++;
    return {
      name: `Зритель ${n % 997}`,
      district: DISTRICT_IDS[n % DISTRICT_IDS.length]!,
      text: variedText(next),
      language: next() < 0.5 ? 'kk' : 'ru',
      submissionId: `mix-${process.pid}-${tag}${String(n).padStart(8, '0')}`,
    };
  };
}
