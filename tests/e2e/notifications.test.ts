import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_SETTINGS, saveIntakeSettings } from '../../electron/core/store/settings';
import { useBrowserDesk } from '../helpers/browserDesk';
import { questionVersion, saveEpisode } from '../helpers/episodes';
import { FakeTelegram } from '../helpers/fakeTelegram';

const desk = useBrowserDesk();
let fake: FakeTelegram;
beforeAll(async () => {
  fake = await new FakeTelegram().start();
});
afterAll(async () => {
  await fake.stop();
});

describe('messages to citizens on the hand-off board', () => {
  it('shows a hand-off’s message held while paused, and sent once resumed', async () => {
    const { core, producer } = desk;
    saveIntakeSettings(core.db, { ...DEFAULT_INTAKE_SETTINGS, telegram: { enabled: false, token: fake.token, apiRoot: fake.url } }, Date.now());
    const page = await desk.openPage('/handoffs');
    await page.waitForFunction(() => document.body.dataset.screen === 'handoffs');
    const status = page.getByTestId('notifications-status');
    await expect.poll(() => status.textContent()).toBe('Messages go as they are queued.');
    await page.getByTestId('notifications-toggle').click();
    await expect.poll(() => status.textContent()).toBe('Paused: new messages wait here and go when you resume.');

    const saved = await saveEpisode(producer, { speakers: [{ name: 'Ерболат Досаев', portfolio: 'Аким' }] });
    await producer.send('episode.start', { id: saved.episode.id });
    const { reference } = await core.intake.accept({
      channel: 'telegram',
      externalId: '8001:1',
      senderName: 'Асель',
      senderUserId: '8001',
      text: 'Когда на остановке «Сайран» поставят навес?',
      meta: { chatId: 8001, messageId: 1 },
    });
    const id = (core.db.prepare('SELECT id FROM question WHERE reference = ?').get(reference) as { id: number }).id;
    await producer.send('question.approve', { id, version: 1 });
    await producer.send('queue.add', { id, version: questionVersion(core, id) });
    const mobility = (await producer.send('department.list', {})).items.find((d) => d.code === 'mobility')!;
    await producer.send('outcome.record', { id, version: questionVersion(core, id), outcome: { kind: 'handed_off', departmentId: mobility.id } });

    const row = page.getByTestId('notifications-all').locator('tbody tr[data-notice="handed_off"]');
    await expect.poll(() => row.getAttribute('data-state')).toBe('paused');
    expect(await row.textContent()).toContain('Управление мобильности');
    expect(fake.sent).toHaveLength(0);

    // The hand-off's dialog lists the same message under its question.
    const handoff = core.db.prepare('SELECT reference FROM handoff WHERE question_id = ?').get(id) as { reference: string };
    await page.getByRole('button', { name: `Edit hand-off ${handoff.reference}` }).click();
    const inDialog = page.getByTestId('handoff-messages').locator('tbody tr');
    await expect.poll(() => inDialog.getAttribute('data-state')).toBe('paused');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByTestId('notifications-toggle').click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    expect(fake.sent.map((m) => m.chat_id)).toEqual([8001]);
    expect(fake.sent[0]!.text).toContain(handoff.reference);
    await page.context().close();
  }, 120_000);

  it('shows a message whose send was cut off as "may not have been sent", and a producer resends it', async () => {
    const { core, producer } = desk;
    saveIntakeSettings(core.db, { ...DEFAULT_INTAKE_SETTINGS, telegram: { enabled: false, token: fake.token, apiRoot: fake.url } }, Date.now());
    const page = await desk.openPage('/handoffs');
    await page.waitForFunction(() => document.body.dataset.screen === 'handoffs');
    const { reference } = await core.intake.accept({
      channel: 'telegram',
      externalId: '8002:1',
      senderName: 'Ерлан',
      senderUserId: '8002',
      text: 'Когда починят освещение в сквере на Жарокова?',
      meta: { chatId: 8002, messageId: 1 },
    });
    const id = (core.db.prepare('SELECT id FROM question WHERE reference = ?').get(reference) as { id: number }).id;
    const sentBefore = fake.sent.length;
    // Telegram takes the message and the connection drops before its answer: its fate is unknown.
    fake.failNext('sendMessage', { status: 0, description: 'hang up' });
    await producer.send('question.approve', { id, version: questionVersion(core, id) });
    await producer.send('queue.add', { id, version: questionVersion(core, id) });
    const mobility = (await producer.send('department.list', {})).items.find((d) => d.code === 'mobility')!;
    await producer.send('outcome.record', { id, version: questionVersion(core, id), outcome: { kind: 'handed_off', departmentId: mobility.id } });

    const row = page.getByTestId('notifications-all').locator(`tbody tr[data-notice="handed_off"]`, { hasText: reference });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('uncertain');
    expect(await row.textContent()).toContain('may not have been sent');
    expect(fake.sent.length - sentBefore).toBe(1);

    await row.getByTestId('notification-resend').click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('sent');
    expect(fake.sent.slice(sentBefore).map((m) => m.chat_id)).toEqual([8002, 8002]);
    expect(await row.getByTestId('notification-resend').count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
