import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildReport } from '../../../electron/core/reports/buildReport';
import { ReportThread } from '../../../electron/core/reports/reportThread';
import type { Report } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { deskHeaders, startTestCore, type TestCore } from '../../helpers/core';
import { FIXTURE_NOW, FIXTURE_WEEK, seedReportWeek } from '../../helpers/reportFixture';

let core: TestCore;
beforeAll(async () => {
  core = await startTestCore({ now: () => FIXTURE_NOW });
  seedReportWeek(core.db);
});
afterAll(async () => {
  await core.stop();
});

const get = (query: string) => fetch(`${core.url}/api/reports?${query}`, { headers: { cookie: deskHeaders(core.url).cookie! } });
const reportJson = async (query: string): Promise<Report> => ((await (await get(`${query}&format=json`)).json()) as { value: Report }).value;
const BUSY_ROWS = 200_000;
const WEEK = `from=${FIXTURE_WEEK.from}&to=${FIXTURE_WEEK.to}&lang=ru`;

/** Questions sent one after another, each once the one before is acknowledged, until `stop` is set. */
async function intakeUntil(stop: () => boolean, prefix: string): Promise<number> {
  let acknowledged = 0;
  while (!stop()) {
    await core.intake.accept({ channel: 'web', externalId: `${prefix}-${acknowledged}`, senderName: 'Әсел', text: `Сұрақ ${prefix} ${acknowledged}: жол қашан жөнделеді?` });
    acknowledged += 1;
  }
  return acknowledged;
}

describe('reports on their own thread', () => {
  it('gives the same figures as the main connection while intake runs, and sees what intake committed', async () => {
    const expected = buildReport(core.db, { scope: { kind: 'range', range: FIXTURE_WEEK }, lang: 'ru', personal: false, now: FIXTURE_NOW });
    let done = false;
    const flood = intakeUntil(() => done, 'flood');
    const reports = await Promise.all([reportJson(WEEK), reportJson(WEEK), reportJson(WEEK)]);
    done = true;
    const acknowledged = await flood;
    for (const report of reports) expect(report).toEqual(expected);

    // Intake's questions arrive today (FIXTURE_NOW): the report thread's connection reads them once committed.
    core.intake.drain();
    const today = formatCityTime(FIXTURE_NOW, 'YYYY-MM-DD');
    const todays = await reportJson(`from=${today}&to=${today}&lang=kk`);
    expect(acknowledged).toBeGreaterThan(0);
    expect(todays.totals.received).toBe(acknowledged);
    expect(todays.byChannel).toEqual([expect.objectContaining({ key: 'web', count: acknowledged })]);
  });

  it('keeps the main thread acknowledging intake and firing timers while it counts a large week', async () => {
    // A busy week of its own, far from the fixture's: enough questions that counting them takes a while.
    const busy = { from: '2025-06-02', to: '2025-06-08' };
    const start = Date.parse('2025-06-01T19:00:00Z');
    core.db
      .prepare(`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @rows)
        INSERT INTO question (reference, channel, external_id, sender_name, district, topic, language, original_text, air_text, status, received_at, updated_at)
        SELECT 'busy-' || i, CASE i % 3 WHEN 0 THEN 'web' WHEN 1 THEN 'telegram' ELSE 'whatsapp' END, 'busy-' || i, 'Әсел',
               CASE i % 2 WHEN 0 THEN 'medeu' ELSE 'alatau' END, 'roads', 'kk', 'Жол', 'Жол',
               CASE i % 4 WHEN 0 THEN 'rejected' ELSE 'new' END, @start + i * 2, @start + i * 2
        FROM n
      `)
      .run({ rows: BUSY_ROWS, start });
    const expected = buildReport(core.db, { scope: { kind: 'range', range: busy }, lang: 'ru', personal: false, now: FIXTURE_NOW });
    expect(expected.totals.received).toBe(BUSY_ROWS);

    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    let answered = false;
    const report = reportJson(`from=${busy.from}&to=${busy.to}&lang=ru`).finally(() => (answered = true));
    const acknowledged = await intakeUntil(() => answered, 'during-report');
    const ticksMeanwhile = ticks;
    clearInterval(timer);
    expect(await report).toEqual(expected);
    // Counted on the main thread, the same report lets through only what came before its handler
    // started (2 acknowledgements and 3 ticks when tried); on its own thread, intake goes on meanwhile.
    expect(acknowledged).toBeGreaterThanOrEqual(6);
    expect(ticksMeanwhile).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it('reports an unknown episode as not found across the thread', async () => {
    const response = await get('episode=999&format=json');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('fails a request with an internal error, not silence, when the thread cannot open the database, and starts afresh after', async () => {
    const missing = new ReportThread({ file: join(core.dataDir, 'no-such-desk.sqlite') });
    const request = { scope: { kind: 'range', range: FIXTURE_WEEK }, lang: 'en', personal: false, now: FIXTURE_NOW } as const;
    await expect(missing.report(request)).rejects.toMatchObject({ code: 'internal' });
    await expect(missing.report(request)).rejects.toMatchObject({ code: 'internal' });
    await missing.close();
    const working = new ReportThread({ file: core.db.name });
    expect((await working.report(request)).totals.received).toBe(9);
    await working.close();
  });
});
