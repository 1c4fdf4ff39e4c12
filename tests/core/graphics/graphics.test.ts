import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/core/store/audit';
import { DEFAULT_GRAPHICS_STYLE, TICKER_ITEMS, type GraphicsState } from '../../../shared/protocol';
import { postJson, startTestCore, type TestCore } from '../../helpers/core';
import { approvedQuestion, questionVersion, saveEpisode } from '../../helpers/episodes';
import { TestWsClient } from '../../helpers/wsClient';

let core: TestCore;
let producer: TestWsClient;
let graphics: TestWsClient;
let clock = Date.UTC(2026, 4, 20, 14, 0);

beforeEach(async () => {
  clock = Date.UTC(2026, 4, 20, 14, 0);
  core = await startTestCore({ now: () => clock });
  producer = await TestWsClient.connect(core.url, 'producer', 'en', 'Gallery producer');
  graphics = await TestWsClient.connect(core.url, 'graphics', 'en', 'Vision mixer');
});
afterEach(async () => {
  producer.close();
  graphics.close();
  await core.stop();
});

const version = (id: number): number => questionVersion(core, id);

async function liveEpisode(): Promise<number> {
  const rundown = await saveEpisode(producer, { speakers: [{ name: 'Аким', portfolio: 'Город' }, { name: 'Зам', portfolio: 'ЖКХ' }] });
  await producer.send('episode.start', { id: rundown.episode.id });
  return rundown.episode.id;
}

async function queued(name: string, text: string, speakerId?: number): Promise<number> {
  const { id, version: v } = await approvedQuestion(core, producer, { name, text, district: 'turksib', phone: '+7 701 555 12 34', consent: true });
  await producer.send('queue.add', { id, version: v, ...(speakerId ? { speakerId } : {}) });
  return id;
}

/** The last `graphics.state` a graphics page received. */
const lastPushed = (): GraphicsState | undefined => graphics.events.filter((e) => e.name === 'graphics.state').at(-1)?.payload;

describe('graphics state', () => {
  it('shows only what the producer took to graphics: first name, district, masked wording, asked by', async () => {
    await liveEpisode();
    const id = await queued('Данияр Сапаров', 'Позвоните мне 8 701 555 12 34, когда починят лифт на Сейфуллина?');
    await producer.send('show.next', {});

    // On air is not on screen: a question can be read without being shown.
    expect((await graphics.send('graphics.get', {})).shown).toBeNull();

    const state = await producer.send('graphics.take', { id });
    expect(state.shown).toEqual({
      id,
      askerFirstName: 'Данияр',
      district: 'turksib',
      text: 'Позвоните мне •••, когда починят лифт на Сейфуллина?',
      askedBy: 1,
    });
    await expect.poll(() => lastPushed()?.shown?.id).toBe(id);
    expect(await graphics.send('graphics.get', {})).toEqual(state);
    const everything = JSON.stringify(graphics.events);
    for (const secret of ['Сапаров', '555 12 34', '+7 701']) expect(everything).not.toContain(secret);

    const cleared = await producer.send('graphics.clear', {});
    expect(cleared.shown).toBeNull();
    await expect.poll(() => lastPushed()?.shown ?? null).toBeNull();
    // Clearing the graphics leaves the question on air.
    expect((await producer.send('prompter.get', {})).current?.id).toBe(id);

    const trail = listAudit(core.db, 'question', id).filter((row) => row.action.startsWith('graphics.'));
    expect(trail.map((row) => [row.action, row.actor])).toEqual([
      ['graphics.take', 'Gallery producer'],
      ['graphics.clear', 'Gallery producer'],
    ]);
  });

  it('counts the near-duplicates on screen: a late asker joining it, a question a producer merges into it', async () => {
    await liveEpisode();
    const id = await queued('Аня', 'Когда отремонтируют дорогу на Абая?');
    const other = await approvedQuestion(core, producer, { name: 'Болат', text: 'Будет ли ремонт моста через Весновку?' });
    await producer.send('show.next', {});
    await producer.send('graphics.take', {});
    await postJson(`${core.url}/api/questions`, { name: 'Дана', text: 'Когда отремонтируют дорогу на Абая? Ямы везде', district: 'medeu' });
    await expect.poll(() => lastPushed()?.shown?.askedBy).toBe(2);
    await producer.send('question.merge', { id: other.id, version: version(other.id), intoId: id });
    await expect.poll(() => lastPushed()?.shown?.askedBy).toBe(3);
  });

  it('refuses a take with nothing on air, or for a question that has left air', async () => {
    await liveEpisode();
    const nothing = await producer.request('graphics.take', {});
    expect(nothing.ok ? null : nothing.error).toMatchObject({ code: 'invalid_transition', messageKey: 'graphics.error.nothingOnAir' });
    const a = await queued('Аня', 'Вопрос А');
    const b = await queued('Болат', 'Вопрос Б');
    await producer.send('show.next', {});
    const stale = await producer.request('graphics.take', { id: b });
    expect(stale.ok ? null : stale.error).toMatchObject({ code: 'invalid_transition', messageKey: 'graphics.error.notOnAir' });
    expect((await producer.send('graphics.get', {})).shown).toBeNull();
    expect((await producer.send('graphics.take', { id: a })).shown?.id).toBe(a);
  });

  it('takes the graphics down when the question leaves air, and never brings them back by itself', async () => {
    await liveEpisode();
    const a = await queued('Аня', 'Вопрос А');
    const b = await queued('Болат', 'Вопрос Б');
    await producer.send('show.next', {});
    await producer.send('graphics.take', {});
    // Put back to the front of its queue, so that it can come back on air.
    await producer.send('show.next', { confirm: true });
    await producer.send('question.putOnAir', { id: b, version: version(b), confirm: true });
    expect((await producer.send('prompter.get', {})).current?.id).toBe(b);
    expect((await producer.send('graphics.get', {})).shown).toBeNull();
    await expect.poll(() => lastPushed()?.shown ?? null).toBeNull();
    await producer.send('question.putOnAir', { id: a, version: version(a), confirm: true });
    expect((await producer.send('prompter.get', {})).current?.id).toBe(a);
    expect((await producer.send('graphics.get', {})).shown).toBeNull();
  });

  it('takes each question on air at once when the station asks for it', async () => {
    await liveEpisode();
    const a = await queued('Аня', 'Вопрос А');
    const b = await queued('Болат', 'Вопрос Б');
    await producer.send('graphics.setStyle', { style: { ...DEFAULT_GRAPHICS_STYLE, autoTake: true } });
    await producer.send('show.next', {});
    expect((await producer.send('graphics.get', {})).shown?.id).toBe(a);
    await producer.send('show.next', { outcome: { kind: 'answered', summary: '' } });
    expect((await producer.send('graphics.get', {})).shown?.id).toBe(b);
  });

  it('lists the questions still to come for the ticker, the answering speaker first', async () => {
    const episodeId = await liveEpisode();
    const rundown = await producer.send('episode.get', { id: episodeId });
    const [first, second] = rundown!.speakers;
    const deputy = await queued('Вера', 'Вопрос заму', second!.id);
    const ids = [];
    const names = ['Аня', 'Болат', 'Галия', 'Дана', 'Ерлан', 'Жанна', 'Зарина'].slice(0, TICKER_ITEMS + 1);
    for (const [i, name] of names.entries()) ids.push(await queued(name, `Вопрос ${i}`, first!.id));
    await producer.send('show.next', {});
    await producer.send('graphics.take', {});
    const state = await producer.send('graphics.get', {});
    expect(state.shown?.id).toBe(ids[0]);
    expect(state.upcoming.map((item) => item.id)).toEqual([...ids.slice(1), deputy].slice(0, TICKER_ITEMS));
    expect(state.upcoming[0]).toMatchObject({ askerFirstName: 'Болат', district: 'turksib', askedBy: 1 });
  });

  it('keeps the station look, refusing colours and logos it cannot show', async () => {
    const logo = `data:image/png;base64,${Buffer.from('png').toString('base64')}`;
    const style = { ...DEFAULT_GRAPHICS_STYLE, stationName: 'Almaty TV', primary: '#102030', logo };
    expect((await producer.send('graphics.setStyle', { style })).style).toEqual(style);
    await expect.poll(() => lastPushed()?.style.stationName).toBe('Almaty TV');
    for (const bad of [{ primary: 'red' }, { logo: 'https://example.com/logo.png' }, { logo: 'data:text/html;base64,PHA+' }]) {
      const reply = await producer.request('graphics.setStyle', { style: { ...style, ...bad } });
      expect(reply.ok ? null : reply.error.code, JSON.stringify(bad)).toBe('validation');
    }
    expect((await graphics.send('graphics.get', {})).style).toEqual(style);
    const row = listAudit(core.db, 'graphics', 1).at(-1);
    expect(row).toMatchObject({ actor: 'Gallery producer', action: 'graphics.style', after: { logo: true, stationName: 'Almaty TV' } });
  });

  it('survives a restart: a cleared screen stays cleared, a taken question stays taken', async () => {
    await liveEpisode();
    const id = await queued('Аня', 'Вопрос А');
    await producer.send('show.next', {});
    await producer.send('graphics.take', {});
    producer.close();
    graphics.close();
    await core.close();
    core = await startTestCore({ now: () => clock, dataDir: core.dataDir });
    producer = await TestWsClient.connect(core.url, 'producer');
    graphics = await TestWsClient.connect(core.url, 'graphics');
    expect((await graphics.send('graphics.get', {})).shown?.id).toBe(id);
  });
});
