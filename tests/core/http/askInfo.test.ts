import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEpisode, setEpisodeStatus } from '../../../electron/core/store/episodes';
import { startTestCore, type TestCore } from '../../helpers/core';
import { TestWsClient } from '../../helpers/wsClient';

const NOW = Date.UTC(2026, 11, 2, 9, 0);
const HOUR = 3_600_000;
const episode = (plannedStart: number, rehearsal = false) => ({
  title: 'Akimat LIVE — Иванов, тел. +7 701 123 45 67',
  airDate: '2026-12-02',
  startTime: '19:00',
  plannedStart,
  durationMin: 60,
  rehearsal,
});

describe('GET /api/ask/info', () => {
  let core: TestCore;
  let producer: TestWsClient;
  const info = async (base = core.url) => ((await (await fetch(`${base}/api/ask/info`)).json()) as { value: unknown }).value;

  beforeAll(async () => {
    core = await startTestCore({ publicPort: 0, now: () => NOW });
    producer = await TestWsClient.connect(core.url);
  });
  afterAll(async () => {
    producer?.close();
    await core?.stop();
  });

  it('answers with the defaults and no episode before anything is set or planned', async () => {
    expect(await info()).toEqual({ akimatName: null, privacyUrl: null, nextEpisode: null });
  });

  it('names the next real episode ahead, never a rehearsal or a past one, and nothing but its time', async () => {
    insertEpisode(core.db, episode(NOW - 24 * HOUR), NOW);
    insertEpisode(core.db, episode(NOW + 2 * HOUR, true), NOW);
    const next = insertEpisode(core.db, episode(NOW + 10 * HOUR), NOW);
    const body = await info();
    expect(body).toEqual({ akimatName: null, privacyUrl: null, nextEpisode: { plannedStart: NOW + 10 * HOUR, durationMin: 60, live: false } });
    expect(JSON.stringify(body)).not.toMatch(/Иванов|701/);
    setEpisodeStatus(core.db, next.id, 'live', { startedAt: NOW }, NOW);
    expect(await info()).toMatchObject({ nextEpisode: { plannedStart: NOW + 10 * HOUR, live: true } });
  });

  it('shows what a producer set, on the public listener too, and clears back to the defaults', async () => {
    const view = await producer.send('intake.updateSettings', {
      publicForm: { akimatName: '  Акимат Медеуского района ', privacyUrl: 'https://example.kz/privacy' },
    });
    expect(view.publicForm).toEqual({ akimatName: 'Акимат Медеуского района', privacyUrl: 'https://example.kz/privacy' });
    expect(await info(core.publicUrl!)).toMatchObject({ akimatName: 'Акимат Медеуского района', privacyUrl: 'https://example.kz/privacy' });
    // Other settings saved later leave it as it is.
    await producer.send('intake.updateSettings', { limits: { perSenderPerMinute: 4 } });
    expect(await info()).toMatchObject({ akimatName: 'Акимат Медеуского района' });
    await producer.send('intake.updateSettings', { publicForm: { akimatName: '', privacyUrl: '' } });
    expect(await info()).toMatchObject({ akimatName: null, privacyUrl: null });
  });

  it('refuses a link that is not http(s)', async () => {
    await expect(producer.send('intake.updateSettings', { publicForm: { privacyUrl: 'javascript:alert(1)' } })).rejects.toBeTruthy();
    expect(await info()).toMatchObject({ privacyUrl: null });
  });
});
