import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_NAMES } from '../../../shared/data/firstNames';
import { startTestCore, type TestCore } from '../../helpers/core';
import { questionVersion, saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
let clock: number;
let serial = 0;

beforeAll(async () => {
  clock = Date.UTC(2026, 4, 20, 6, 0); // Wednesday 20 May 2026, 11:00 in Almaty
  // Look-ups are limited per IP; the property test below makes many from one address.
  core = await startTestCore({ now: () => clock, publicPort: 0, intakePerIpPerMinute: 10_000 });
  producer = await TestWsClient.connect(core.url, 'producer', 'en', 'Данияр');
  const saved = await saveEpisode(producer, { title: 'Akimat LIVE', speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким' }] });
  await producer.send('episode.start', { id: saved.episode.id });
});
afterAll(async () => {
  producer.close();
  await core.stop();
});

async function webQuestion(name: string, contact: string | null, text: string): Promise<{ id: number; reference: string }> {
  serial += 1;
  const { reference } = await core.intake.accept({ channel: 'web', externalId: `status-${serial}`, senderName: name, senderContact: contact, text });
  return { id: (core.db.prepare('SELECT id FROM question WHERE reference = ?').get(reference) as { id: number }).id, reference };
}

const version = (id: number) => questionVersion(core, id);
async function decide(id: number, outcome: Record<string, unknown>): Promise<void> {
  await producer.send('question.approve', { id, version: version(id) });
  await producer.send('queue.add', { id, version: version(id) });
  // Answered on air means it was on air: take it (the queue holds only this one).
  if (outcome.kind === 'answered') await producer.send('show.next', {});
  await producer.send('outcome.record', { id, version: version(id), outcome: outcome as never });
}
async function mobilityId(): Promise<number> {
  return (await producer.send('department.list', {})).items.find((d) => d.code === 'mobility')!.id;
}
const handoffOf = (questionId: number) =>
  core.db.prepare('SELECT id, reference, version, due_date AS dueDate FROM handoff WHERE question_id = ?').get(questionId) as { id: number; reference: string; version: number; dueDate: string };

async function page(reference: string, lang = 'ru', base = core.url): Promise<{ status: number; html: string; type: string | null }> {
  const res = await fetch(`${base}/status/${encodeURIComponent(reference)}?lang=${lang}`);
  return { status: res.status, html: await res.text(), type: res.headers.get('content-type') };
}
/** The text a reader sees between the tags, for a field's test id. */
const field = (html: string, id: string): string | null => new RegExp(`data-testid="${id}">([^<]*)<`).exec(html)?.[1] ?? null;

describe('public status page', () => {
  it('shows a handed-off question by either reference: stage, department, due date, then the answer — in the asked language', async () => {
    const q = await webQuestion('Айгерим Сапарова', '+7 701 123 45 67', 'Когда поставят навес на остановке «Сайран»?');
    expect(field((await page(q.reference)).html, 'status-stage')).toBe('Получен — редакция его рассматривает');

    await decide(q.id, { kind: 'handed_off', departmentId: await mobilityId() });
    const h = handoffOf(q.id);
    const handed = await page(q.reference);
    expect(handed.status).toBe(200);
    expect(handed.type).toMatch(/text\/html/);
    expect(field(handed.html, 'status-stage')).toBe('Передан в управление');
    expect(field(handed.html, 'status-department')).toBe('Управление мобильности');
    expect(field(handed.html, 'status-due')).toBe('11.06.2026');

    await producer.send('handoff.update', { id: h.id, version: h.version, answer: 'Навес поставят до 1 июля. Вопросы: Айгерим, звоните +7 727 272 72 72.' });
    for (const ref of [q.reference, h.reference]) {
      const { html } = await page(ref, 'kk');
      expect(html).toContain('<html lang="kk">');
      expect(field(html, 'status-reference')).toBe(q.reference);
      expect(field(html, 'status-stage')).toBe('Басқарма жауап берді');
      expect(field(html, 'status-department')).toBe('Мобильділік басқармасы');
      // The answer, with the citizen's name and any number masked.
      expect(field(html, 'status-answer')).toBe('Навес поставят до 1 июля. Вопросы: •••, звоните •••.');
      expect(html).not.toContain('навес на остановке «Сайран»');
    }
  });

  it('derives overdue from time, and shows where a merged question stands through its group', async () => {
    const lead = await webQuestion('Ерлан', null, 'Когда отремонтируют дорогу на улице Толе би у Байзакова?');
    const member = await webQuestion('Мадина', null, 'Толе би — Байзакова: когда починят дорогу, там сплошные ямы?');
    await producer.send('question.merge', { id: member.id, version: version(member.id), intoId: lead.id });
    await decide(lead.id, { kind: 'handed_off', departmentId: await mobilityId() });
    const h = handoffOf(lead.id);
    const saved = clock;
    clock = Date.parse(`${h.dueDate}T12:00:00+05:00`) + 86_400_000;
    try {
      const { html } = await page(member.reference, 'en');
      expect(field(html, 'status-reference')).toBe(member.reference);
      expect(field(html, 'status-stage')).toBe('Handed off to a department');
      expect(html).toContain('The due date has passed');
    } finally {
      clock = saved;
    }
  });

  it('answers an unknown reference plainly with a 404 page in the asked language, also on the public listener', async () => {
    for (const [lang, words] of [
      ['kk', 'Нөмір табылмады'],
      ['ru', 'Номер не найден'],
      ['en', 'Reference not found'],
    ] as const) {
      const res = await page('2026-9999', lang, core.publicUrl!);
      expect(res.status).toBe(404);
      expect(res.html).toContain(words);
      expect(field(res.html, 'status-not-found')).toContain('2026-9999');
    }
    // The language follows Accept-Language without ?lang=.
    const res = await fetch(`${core.publicUrl}/status/nope`, { headers: { 'accept-language': 'kk-KZ,kk;q=0.9' } });
    expect(await res.text()).toContain('Нөмір табылмады');
    // Markup typed as a reference is shown as text.
    expect((await page('<script>alert(1)</script>')).html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The look-up form's target sends the browser to the reference's page.
    const form = await fetch(`${core.publicUrl}/status?reference=${encodeURIComponent(' 2026-0001 ')}&lang=en`, { redirect: 'manual' });
    expect([form.status, form.headers.get('location')]).toEqual([303, '/status/2026-0001?lang=en']);
  });

  it('is rate-limited per IP like the public form', async () => {
    const limited = await startTestCore({ intakePerIpPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await fetch(`${limited.url}/status/2026-000${i}?lang=ru`)).status);
      expect(codes).toEqual([404, 404, 404, 429]);
      const refused = await fetch(`${limited.url}/status/2026-0009?lang=ru`);
      expect(refused.headers.get('content-type')).toMatch(/text\/html/);
      expect(await refused.text()).toContain('Слишком много запросов');
    } finally {
      await limited.stop();
    }
  });
});

// ——— Property: whatever a question holds, its page never repeats the sender's name, contact or personal data ———

const SURNAMES = ['Сапарова', 'Нурланов', 'Ахметова', 'Иванов', 'Кенжебаев', 'Смагулова', 'Петрова'];
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const phoneArb = fc
  .tuple(fc.constantFrom('701', '702', '705', '707', '747', '771', '775', '777', '778'), digits(7), fc.constantFrom('+7 ', '8 ', '+7'))
  .map(([op, rest, prefix]) => `${prefix}${op} ${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`);
const iinArb = fc
  .tuple(fc.integer({ min: 50, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(6))
  .map(([y, m, d, rest]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${rest}`);
function luhnComplete(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}
const cardArb = digits(11)
  .map((d) => luhnComplete(`4400${d}`))
  .map((n) => n.match(/.{4}/g)!.join(' '));
const emailArb = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{2,9}$/), fc.constantFrom('mail.ru', 'gmail.com', 'inbox.kz'))
  .map(([user, domain]) => `${user}@${domain}`);

const sampleArb = fc.record({
  first: fc.constantFrom(...FIRST_NAMES.filter((n) => n.length >= 5)),
  surname: fc.option(fc.constantFrom(...SURNAMES), { nil: null }),
  contact: fc.option(phoneArb, { nil: null }),
  phone: phoneArb,
  iin: iinArb,
  card: cardArb,
  email: emailArb,
  // Which of them the citizen wrote in the question, and which staff copied into their answer.
  inText: fc.subarray(['name', 'phone', 'iin', 'card', 'email'] as const),
  inAnswer: fc.subarray(['name', 'contact', 'phone', 'iin', 'card', 'email'] as const),
  fate: fc.constantFrom('new', 'rejected', 'answered_on_air', 'department_answered'),
  topic: fc.constantFrom(
    'Когда отремонтируют дорогу во дворе?',
    'Почему в нашем доме нет горячей воды третью неделю?',
    'Кто отвечает за уборку снега у школы?',
    'Когда откроют поликлинику в микрорайоне?',
    'Можно ли поставить светофор у рынка?',
    'Почему автобус 92 ходит раз в час?',
  ),
});

describe('public status page: personal data (property)', () => {
  it('never contains the sender name, contact, or any IIN, phone, card or e-mail from the question', async () => {
    const department = await mobilityId();
    await fc.assert(
      fc.asyncProperty(sampleArb, async (s) => {
        const name = s.surname ? `${s.first} ${s.surname}` : s.first;
        const pieces: Record<string, string> = { name: `меня зовут ${name}`, contact: `мой номер ${s.contact ?? s.phone}`, phone: `телефон ${s.phone}`, iin: `ИИН ${s.iin}`, card: `карта ${s.card}`, email: `почта ${s.email}` };
        const text = [s.topic, ...s.inText.map((k) => pieces[k])].join(' ');
        const staffText = ['Ремонт запланирован на июль.', ...s.inAnswer.map((k) => pieces[k])].join(' ');
        const q = await webQuestion(name, s.contact, text);
        // A near-duplicate of an earlier sample joins its group by itself: its page is the group's.
        const merged = (core.db.prepare('SELECT status FROM question WHERE id = ?').get(q.id) as { status: string }).status === 'merged';
        if (merged) s.fate = 'new';
        if (s.fate === 'rejected') await producer.send('question.reject', { id: q.id, version: version(q.id), reason: 'off_topic' });
        if (s.fate === 'answered_on_air') await decide(q.id, { kind: 'answered', summary: staffText, commitments: [] });
        if (s.fate === 'department_answered') {
          await decide(q.id, { kind: 'handed_off', departmentId: department });
          const h = handoffOf(q.id);
          await producer.send('handoff.update', { id: h.id, version: h.version, answer: staffText });
        }
        for (const lang of ['ru', 'kk']) {
          const { status, html } = await page(q.reference, lang);
          expect(status).toBe(200);
          const lower = html.toLowerCase();
          const secrets = [text, s.phone, s.iin, s.card, s.email, ...(s.contact ? [s.contact] : [])];
          for (const secret of secrets) expect(lower, secret).not.toContain(secret.toLowerCase());
          for (const number of [s.phone, s.iin, s.card, s.contact ?? '']) {
            const bare = number.replace(/\D/g, '');
            if (bare) expect(html.replace(/[^\d]/g, ' '), number).not.toMatch(new RegExp(`(^|\\D)${bare.slice(-10)}(\\D|$)`));
          }
          for (const word of name.split(' ')) expect(html, word).not.toMatch(new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu'));
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
