import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../electron/core/http/access';
import { CONTROL_ACTIONS, type ControlActionName } from '../../../electron/core/http/controlRoutes';
import { readGraphicsState } from '../../../electron/core/graphics/state';
import { readControlState } from '../../../electron/core/control/state';
import { readPrompterState } from '../../../electron/core/prompter';
import { listAudit } from '../../../electron/core/store/audit';
import { commands, LINK_ROLES } from '../../../shared/protocol';
import { deskHeaders, deviceHeaders, startTestCore, type TestCore } from '../../helpers/core';
import { approvedQuestion, saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

const CLOCK = Date.UTC(2026, 4, 20, 14, 0);
let core: TestCore;
let producer: TestWsClient;

beforeEach(async () => {
  core = await startTestCore({ now: () => CLOCK });
  producer = await TestWsClient.connect(core.url, 'producer');
});
afterEach(async () => {
  producer.close();
  await core.stop();
});

/** A live episode with three queued questions, the first of them with personal data in it. */
async function show(target: TestCore, desk: TestWsClient): Promise<number[]> {
  const rundown = await saveEpisode(desk, { speakers: [{ name: 'Аким', portfolio: 'Город' }] });
  await desk.send('episode.start', { id: rundown.episode.id });
  const ids: number[] = [];
  for (const [name, text] of [
    ['Данияр Сапаров', 'Мой телефон 8 701 555 12 34. Когда починят лифт?'],
    ['Болат', 'Когда откроют каток?'],
    ['Вера', 'Где остановка автобуса 32?'],
  ] as const) {
    const { id, version } = await approvedQuestion(target, desk, { name, text, district: 'medeu' });
    await desk.send('queue.add', { id, version });
    ids.push(id);
  }
  return ids;
}

/** What a button panel sends: no browser origin, just the device's token. */
function panel(headers: Record<string, string>): Record<string, string> {
  return { [TOKEN_HEADER]: headers[TOKEN_HEADER]! };
}

async function control(action: string, headers: Record<string, string>, body?: unknown, query = '') {
  const response = await fetch(`${core.url}/api/control/${action}${query}`, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as any };
}

const ACTIONS = Object.keys(CONTROL_ACTIONS) as ControlActionName[];

describe('the control API', () => {
  it.each(ACTIONS)('%s: refused (403, audited) for every role its command does not list, let through for every role it lists', async (action) => {
    await show(core, producer);
    const { command } = CONTROL_ACTIONS[action];
    for (const role of LINK_ROLES) {
      const device = `${role} panel`;
      const headers = panel(deviceHeaders(core.url, device, role));
      const { status, json } = await control(action, headers, {});
      if (commands[command].roles.includes(role)) expect(status, `${action} as ${role}: ${JSON.stringify(json)}`).not.toBe(403);
      else expect(status, `${action} as ${role}`).toBe(403);
      const { id } = core.db.prepare('SELECT id FROM device WHERE name = ?').get(device) as { id: number };
      const row = listAudit(core.db, 'device', id).at(-1);
      expect(row, `${action} as ${role}`).toMatchObject({ actor: device, action: `control.${action}`, after: { command } });
      if (status === 403) expect((row!.after as { result: string }).result).toBe('forbidden');
    }
  });

  it('takes a paired device\'s token in the header or the query, and nothing without one or from a web page elsewhere', async () => {
    const origin = new URL(core.url).origin;
    const none = await control('clear-graphics', { origin });
    expect(none.status).toBe(403);
    expect(none.json.error.message).toContain('x-desk-token');
    // The desk's own session cookie is not a panel's credential: a page could otherwise ride on it.
    expect((await control('clear-graphics', deskHeaders(core.url))).status).toBe(403);
    const token = deviceHeaders(core.url, 'Deck', 'producer')[TOKEN_HEADER]!;
    expect((await control('clear-graphics', { [TOKEN_HEADER]: token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await control('clear-graphics', { [TOKEN_HEADER]: token, origin })).status).toBe(200);
    expect((await control(`clear-graphics?token=${encodeURIComponent(token)}`, {})).status).toBe(200);
    const state = await fetch(`${core.url}/api/control/state`);
    expect(state.status).toBe(403);
  });

  it('runs the show from a panel, each button answering with the state its lights follow', async () => {
    const [first, second, third] = await show(core, producer);
    const speaker = await TestWsClient.connect(core.url, 'speaker');
    const deck = panel(deviceHeaders(core.url, 'Stream Deck', 'producer'));
    try {
      let reply = await control('take-next', deck);
      expect(reply.status).toBe(200);
      expect(reply.json.value).toMatchObject({
        onAir: { id: first, askerFirstName: 'Данияр', district: 'medeu', askedBy: 1 },
        nextId: second,
        queued: 2,
        queues: [{ name: 'Аким', queued: 2 }],
        graphics: { shown: false, questionId: null },
        countdown: null,
      });
      expect(JSON.stringify(reply.json)).not.toMatch(/Сапаров|555/);

      // Something is on air: a plain take-next asks for an outcome, as on the rundown.
      reply = await control('take-next', deck);
      expect(reply.status).toBe(409);
      reply = await control('show-graphics', deck);
      expect(reply.json.value.graphics).toEqual({ shown: true, questionId: first });
      reply = await control('take-next', deck, undefined, '?outcome=answered');
      expect(reply.json.value).toMatchObject({ onAir: { id: second }, graphics: { shown: false } });

      reply = await control('cue', deck, undefined, '?preset=wrapUp');
      expect(reply.json.value.cue).toEqual({ kind: 'preset', preset: 'wrapUp' });
      reply = await control('cue', deck, { text: 'Далее: Медеу' });
      expect(reply.json.value.cue).toEqual({ kind: 'text', text: 'Далее: Медеу' });
      reply = await control('clear-cue', deck);
      expect(reply.json.value.cue).toBeNull();

      reply = await control('countdown-start', deck, undefined, '?seconds=90');
      expect(reply.json.value.countdown).toEqual({ endsAt: CLOCK + 90_000, remainingSeconds: 90, text: '1:30' });
      reply = await control('countdown-stop', deck);
      expect(reply.json.value.countdown).toBeNull();

      reply = await control('scroll', deck, { action: 'pageForward' });
      expect(reply.status).toBe(200);
      await speaker.waitForEvent('prompter.scroll', (p) => p.action === 'pageForward');

      // Put on air with no id: the next question, at whatever version it has now.
      reply = await control('put-on-air', deck, { confirm: true });
      expect(reply.json.value.onAir.id).toBe(third);
      reply = await control('undo', deck);
      expect(reply.json.value.onAir.id).toBe(second);
      reply = await control('put-on-air', deck, undefined, `?id=${third}&confirm=true`);
      expect(reply.json.value.onAir.id).toBe(third);

      const state = await fetch(`${core.url}/api/control/state`, { headers: panel(deviceHeaders(core.url, 'Tally', 'graphics')) });
      expect(await state.json()).toEqual({ ok: true, value: readControlState(core.db) });

      const { id } = core.db.prepare('SELECT id FROM device WHERE name = ?').get('Stream Deck') as { id: number };
      const trail = listAudit(core.db, 'device', id);
      expect(trail.every((row) => row.actor === 'Stream Deck')).toBe(true);
      expect(trail.map((row) => `${row.action}:${(row.after as { result: string }).result}`)).toEqual([
        'control.take-next:done',
        'control.take-next:invalid_transition',
        'control.show-graphics:done',
        'control.take-next:done',
        'control.cue:done',
        'control.cue:done',
        'control.clear-cue:done',
        'control.countdown-start:done',
        'control.countdown-stop:done',
        'control.scroll:done',
        'control.put-on-air:done',
        'control.undo:done',
        'control.put-on-air:done',
      ]);
      // The command's own trail names the device too.
      expect(listAudit(core.db, 'question', first!).filter((r) => r.action === 'question.on_air')[0]?.actor).toBe('Stream Deck');
    } finally {
      speaker.close();
    }
  });

  it('lets every paired device read the state, refuses a revoked one, and refuses the desk\'s admin session alike', async () => {
    await show(core, producer);
    for (const role of LINK_ROLES) {
      const response = await fetch(`${core.url}/api/control/state`, { headers: panel(deviceHeaders(core.url, `${role} tally`, role)) });
      expect(response.status, role).toBe(200);
      expect(await response.json()).toEqual({ ok: true, value: readControlState(core.db) });
    }
    const deck = panel(deviceHeaders(core.url, 'Old deck', 'producer'));
    const { id } = core.db.prepare('SELECT id FROM device WHERE name = ?').get('Old deck') as { id: number };
    await producer.send('devices.revoke', { id });
    expect((await control('take-next', deck)).status).toBe(403);
    expect((await fetch(`${core.url}/api/control/state`, { headers: deck })).status).toBe(403);
    expect((await fetch(`${core.url}/api/control/state`, { headers: deskHeaders(core.url) })).status).toBe(403);
    expect(readPrompterState(core.db).current).toBeNull();
  });

  it('names the same question and the same "asked by" as the teleprompter and the graphics', async () => {
    const [first] = await show(core, producer);
    const twin = await approvedQuestion(core, producer, { name: 'Айгерим', text: 'Почему не вывозят мусор во дворе на Сатпаева?', district: 'medeu' });
    const version = (core.db.prepare('SELECT version FROM question WHERE id = ?').get(twin.id) as { version: number }).version;
    await producer.send('question.merge', { id: twin.id, version, intoId: first! });
    const deck = panel(deviceHeaders(core.url, 'Deck', 'producer'));
    await control('take-next', deck);
    const reply = await control('show-graphics', deck);
    const prompter = readPrompterState(core.db).current!;
    const graphics = readGraphicsState(core.db).shown!;
    expect(graphics).toEqual({ ...prompter, askedBy: 2 });
    expect(reply.json.value.onAir).toEqual({ id: prompter.id, askerFirstName: prompter.askerFirstName, district: prompter.district, askedBy: graphics.askedBy });
  });

  it('answers bad requests with a 4xx that names the problem', async () => {
    await show(core, producer);
    const deck = panel(deviceHeaders(core.url, 'Deck', 'producer'));
    const cases: Array<[string, unknown, string, number, string]> = [
      ['fire-fireworks', undefined, '', 404, 'not_found'],
      ['cue', undefined, '?preset=dance', 400, 'validation'],
      ['countdown-start', undefined, '?seconds=soon', 400, 'validation'],
      ['countdown-start', { seconds: 99999 }, '', 400, 'validation'],
      ['scroll', { action: 'sideways' }, '', 400, 'validation'],
      ['take-next', '{"outcome":', '', 400, 'malformed'],
      ['put-on-air', { id: 999 }, '', 404, 'not_found'],
      ['show-graphics', undefined, '', 409, 'invalid_transition'],
    ];
    for (const [action, body, query, status, code] of cases) {
      const reply = await control(action, deck, body, query);
      expect([reply.status, reply.json.error?.code], `${action}${query} ${JSON.stringify(body)}`).toEqual([status, code]);
      expect(reply.json.error.message.length).toBeGreaterThan(0);
    }
    expect((await control('fire-fireworks', deck)).json.error.message).toContain('fire-fireworks');
  });

  // The rundown's own N (outcome dialog, then put on air) is compared in tests/e2e/graphicsControl.test.ts.
  it('leaves the same state after a take-next from a panel as after show.next from a producer\'s socket', async () => {
    const other = await startTestCore({ now: () => CLOCK });
    const otherProducer = await TestWsClient.connect(other.url, 'producer');
    try {
      const ids = await show(core, producer);
      expect(await show(other, otherProducer)).toEqual(ids);
      expect((await control('take-next', panel(deviceHeaders(core.url, 'Deck', 'producer')))).status).toBe(200);
      await otherProducer.send('show.next', {});
      const everything = (target: TestCore) => ({
        prompter: readPrompterState(target.db),
        graphics: readGraphicsState(target.db),
        control: readControlState(target.db),
        questions: target.db.prepare('SELECT id, status, version FROM question ORDER BY id').all(),
        queue: target.db.prepare('SELECT question_id, speaker_id, position FROM queue_item ORDER BY question_id').all(),
        air: target.db.prepare('SELECT question_id, started_at, ended_at FROM air_segment ORDER BY question_id').all(),
      });
      expect(everything(core)).toEqual(everything(other));
    } finally {
      otherProducer.close();
      await other.stop();
    }
  });
});
