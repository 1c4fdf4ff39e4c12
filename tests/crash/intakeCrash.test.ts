import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { openDatabase } from '../../electron/core/store/db';
import { createIntegration } from '../../electron/core/store/integrations';
import { keyFileSecretBox } from '../../electron/core/secrets/secretBox';
import { attachSecretBox, DEFAULT_INTAKE_SETTINGS, saveIntakeSettings } from '../../electron/core/store/settings';
import { REPO_ROOT } from '../helpers/core';
import { FakeGraph } from '../helpers/fakeGraph';
import { FakeTelegram } from '../helpers/fakeTelegram';

const WA_SECRET = 'crash-test-app-secret';

/** Starts `serve.ts` as a real child process and resolves with its URL once it listens. */
function startCore(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/serve.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Public form: +(http:\/\/[^\s]+)\/ask/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', () => {});
    child.once('exit', (code) => reject(new Error(`core exited early (${code}): ${out}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function stopGently(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Flood {
  /** channel → external ids sent. */
  sent: Map<string, Set<string>>;
  /** channel → external ids the core acknowledged (2xx, or a Telegram offset past them). */
  acked: Map<string, Set<string>>;
}

const dataDir = mkdtempSync(join(tmpdir(), 'desk-crash-'));
const fake = new FakeTelegram();
afterAll(async () => {
  await fake.stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends one round from the form, the webhook and WhatsApp; records what was sent and acknowledged. */
async function floodHttp(url: string, key: string, flood: Flood, round: string, options: { web: number; batches: number; waPosts: number }): Promise<void> {
  const note = (map: Map<string, Set<string>>, channel: string, id: string) => {
    if (!map.has(channel)) map.set(channel, new Set());
    map.get(channel)!.add(id);
  };
  const tasks: Promise<void>[] = [];
  for (let i = 0; i < options.web; i++) {
    const submissionId = `crash-web-${round}-${i}`;
    note(flood.sent, 'web', submissionId);
    tasks.push(
      fetch(`${url}/api/questions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Житель', text: `Вопрос с формы ${round}/${i}`, submissionId }),
      }).then(
        (r) => void (r.status < 300 && note(flood.acked, 'web', submissionId)),
        () => {},
      ),
    );
  }
  for (let b = 0; b < options.batches; b++) {
    const messages = Array.from({ length: 10 }, (_, i) => ({ externalId: `crash-${round}-${b}-${i}`, text: `Вебхук ${round} ${b} ${i}`, senderName: 'Портал', senderId: `p-${b}-${i}` }));
    for (const m of messages) note(flood.sent, 'webhook', `1:${m.externalId}`);
    tasks.push(
      fetch(`${url}/api/intake/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ messages }),
      }).then(
        async (r) => {
          if (r.status !== 200) return;
          const json = (await r.json()) as any;
          for (const result of json.value.results) if (result.ok) note(flood.acked, 'webhook', `1:${result.externalId}`);
        },
        () => {},
      ),
    );
  }
  for (let p = 0; p < options.waPosts; p++) {
    const messages = Array.from({ length: 5 }, (_, i) => ({ from: `7701${p}${i}`, id: `wamid.crash-${round}-${p}-${i}`, timestamp: '1763700000', type: 'text', text: { body: `Ватсап ${round} ${p} ${i}` } }));
    for (const m of messages) note(flood.sent, 'whatsapp', m.id);
    const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1' }, messages } }] }] }));
    tasks.push(
      fetch(`${url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', WA_SECRET).update(body).digest('hex')}` },
        body: new Uint8Array(body),
      }).then(
        (r) => void (r.status === 200 && messages.forEach((m) => note(flood.acked, 'whatsapp', m.id))),
        () => {},
      ),
    );
  }
  await Promise.all(tasks);
}

describe('crash during an intake flood', () => {
  it('loses no acknowledged message, stores none twice, and Telegram resumes where it was confirmed', async () => {
    await fake.start();
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    // The key file the core will find in the same folder.
    attachSecretBox(db, keyFileSecretBox(dataDir));
    saveIntakeSettings(
      db,
      {
        ...DEFAULT_INTAKE_SETTINGS,
        telegram: { enabled: true, token: fake.token, apiRoot: fake.url },
        whatsapp: { ...DEFAULT_INTAKE_SETTINGS.whatsapp, enabled: true, appSecret: WA_SECRET, verifyToken: 'v' },
        limits: { perSenderPerMinute: 0 },
      },
      Date.now(),
    );
    const { key } = createIntegration(db, 'Crash portal', Date.now());
    db.close();

    const flood: Flood = { sent: new Map(), acked: new Map() };
    const telegramIds = new Set<string>();
    const pushTelegram = (n: number) => {
      const updates = fake.push(...Array.from({ length: n }, (_, i) => fake.textUpdate(700_000 + (i % 40), `Телеграм ${telegramIds.size + i}`)));
      for (const u of updates) telegramIds.add(`${u.message.chat.id}:${u.message.message_id}`);
      return updates;
    };

    // First life: flood from every channel and kill -9 in the middle of it.
    const first = await startCore(dataDir);
    const updates = pushTelegram(300);
    const httpFlood = floodHttp(first.url, key, flood, 'a', { web: 25, batches: 60, waPosts: 60 });
    const more = (async () => {
      for (let i = 0; i < 10; i++) {
        pushTelegram(30);
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    // Kill once every channel has had something acknowledged, without waiting for the flood to end.
    const deadline = Date.now() + 20_000;
    const ackedSoFar = () => [...flood.acked.values()].reduce((a, ids) => a + ids.size, 0);
    while ((ackedSoFar() < 100 || fake.confirmedUpTo === 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await killHard(first.child);
    const ackedAtKill = ackedSoFar();
    await Promise.all([httpFlood, more]);
    const confirmedBeforeCrash = fake.confirmedUpTo;
    expect(ackedAtKill).toBeGreaterThan(0);
    expect(confirmedBeforeCrash).toBeGreaterThanOrEqual(updates[0].update_id);
    const lastUpdateId = fake.pending.at(-1)?.update_id ?? confirmedBeforeCrash;
    console.log(`crash: ${ackedAtKill} HTTP messages and Telegram up to ${confirmedBeforeCrash} acknowledged at kill -9; ${fake.pending.length} updates unconfirmed`);

    // Second life on the same data: senders retry everything that was not acknowledged (and more).
    const callsBefore = fake.calls.length;
    const second = await startCore(dataDir);
    await floodHttp(second.url, key, flood, 'a', { web: 25, batches: 60, waPosts: 60 });
    const resumeDeadline = Date.now() + 30_000;
    while ((fake.pending.length > 0 || fake.confirmedUpTo < lastUpdateId) && Date.now() < resumeDeadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await stopGently(second.child);

    // Telegram: after the restart the first poll trusted no stored offset, and every update got confirmed.
    const firstPollAfter = fake.calls.slice(callsBefore).find((c) => c.method === 'getUpdates');
    expect(firstPollAfter?.params.offset).toBeUndefined();
    expect(fake.confirmedUpTo).toBe(lastUpdateId);
    expect(fake.pending).toEqual([]);
    expect(confirmedBeforeCrash).toBeLessThanOrEqual(lastUpdateId);

    const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    try {
      const rows = check.prepare('SELECT channel, external_id AS id, COUNT(*) AS n FROM question GROUP BY channel, external_id').all() as Array<{ channel: string; id: string; n: number }>;
      const stored = new Map<string, Set<string>>();
      for (const r of rows) {
        expect(r.n).toBe(1);
        if (!stored.has(r.channel)) stored.set(r.channel, new Set());
        stored.get(r.channel)!.add(r.id);
      }
      // Every acknowledged message is there exactly once; everything sent was stored after the retry.
      for (const [channel, ids] of flood.acked) for (const id of ids) expect(stored.get(channel)?.has(id), `${channel} ${id}`).toBe(true);
      for (const [channel, ids] of flood.sent) expect(stored.get(channel)?.size, channel).toBe(ids.size);
      expect(stored.get('telegram')?.size).toBe(telegramIds.size);
      const total = (check.prepare('SELECT COUNT(*) AS n FROM question').get() as { n: number }).n;
      const sentTotal = [...flood.sent.values()].reduce((a, s) => a + s.size, 0) + telegramIds.size;
      expect(total).toBe(sentTotal);
    } finally {
      check.close();
    }
  }, 90_000);
});

describe('repeated crashes during a flood, its draining and the replies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-faults-'));
  const bot = new FakeTelegram('654321:FAULT-token-abcdefghijklmnop');
  const graph = new FakeGraph();
  afterAll(async () => {
    await bot.stop().catch(() => {});
    await graph.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reads the desk's database from this process while the core runs (WAL readers never block it). */
  const peek = <T>(sql: string): T => {
    const reader = new Database(join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      return reader.prepare(sql).get() as T;
    } finally {
      reader.close();
    }
  };
  const waiting = () => peek<{ n: number }>('SELECT COUNT(*) AS n FROM inbound WHERE payload IS NOT NULL').n;
  const made = () => peek<{ n: number }>('SELECT COUNT(*) AS n FROM question').n;
  const unsent = () => peek<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending')").n;

  async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('loses or doubles no acknowledged message and never sends a citizen a reply twice: a send cut off by a crash is marked uncertain and audited (at most one per crash)', async () => {
    await bot.start();
    await graph.start();
    const db = openDatabase(join(dir, DATABASE_FILE));
    attachSecretBox(db, keyFileSecretBox(dir));
    saveIntakeSettings(
      db,
      {
        ...DEFAULT_INTAKE_SETTINGS,
        telegram: { enabled: true, token: bot.token, apiRoot: bot.url },
        whatsapp: { enabled: true, appSecret: WA_SECRET, verifyToken: 'v', accessToken: 'EAAG-fault-access-token', graphApiRoot: graph.url },
        // Every message is answered, so every stored citizen message has exactly one reply due.
        limits: { perSenderPerMinute: 0 },
      },
      Date.now(),
    );
    const { key } = createIntegration(db, 'Fault portal', Date.now());
    db.close();

    const flood: Flood = { sent: new Map(), acked: new Map() };
    const telegramIds = new Set<string>();
    const pushTelegram = (n: number) => {
      for (const u of bot.push(...Array.from({ length: n }, (_, i) => bot.textUpdate(800_000 + (i % 50), `Сұрақ ${telegramIds.size + i}`)))) {
        telegramIds.add(`${u.message.chat.id}:${u.message.message_id}`);
      }
    };
    const ackedCount = () => [...flood.acked.values()].reduce((a, ids) => a + ids.size, 0);
    const kills: string[] = [];
    // The form's per-IP limit (30 a minute) must let the last life's retries of both rounds through.
    const roundA = { web: 10, batches: 40, waPosts: 20 };
    const roundB = { web: 10, batches: 60, waPosts: 20 };

    // Life 1 — kill -9 in the middle of the flood.
    let life = await startCore(dir);
    pushTelegram(150);
    let http = floodHttp(life.url, key, flood, 'a', roundA);
    await until('the flood is being acknowledged', () => ackedCount() >= 100 && bot.confirmedUpTo > 0);
    await killHard(life.child);
    kills.push('flood');
    await http;

    // Life 2 — a second, bigger burst makes a backlog; kill -9 while it is being made into questions.
    life = await startCore(dir);
    const madeAtStart = made();
    pushTelegram(200);
    http = floodHttp(life.url, key, flood, 'b', roundB);
    await until('the backlog is being drained', () => waiting() > 0 && made() > madeAtStart + 50);
    const backlogAtKill = waiting();
    await killHard(life.child);
    kills.push('draining');
    await http;

    // Lives 3 and 4 — kill -9 while a reply is on its way: Telegram has received it, the desk has not heard back.
    for (const round of [3, 4]) {
      life = await startCore(dir);
      const sentAtStart = bot.sent.length;
      await until(`replies are being sent (life ${round})`, () => bot.sent.length >= sentAtStart + 20);
      bot.holdSends = true;
      await until('a reply is in flight', () => bot.sendsInFlight > 0);
      await killHard(life.child);
      kills.push('sending');
      bot.holdSends = false;
      await until('the fake Bot API saw the hang-up', () => bot.sendsInFlight === 0);
    }

    // Last life: senders retry everything unacknowledged; it runs until every reply is out.
    life = await startCore(dir);
    await floodHttp(life.url, key, flood, 'a', roundA);
    await floodHttp(life.url, key, flood, 'b', roundB);
    await until('Telegram is confirmed, the backlog made and every reply sent', () => bot.pending.length === 0 && waiting() === 0 && unsent() === 0, 120_000);
    await stopGently(life.child);
    console.log(`faults: killed during ${kills.join(', ')}; ${backlogAtKill} messages were waiting to be made at the draining kill; ${bot.sent.length} Telegram and ${graph.sent.length} WhatsApp replies sent`);

    const check = new Database(join(dir, DATABASE_FILE), { readonly: true });
    try {
      // Nothing acknowledged is lost, nothing is stored twice, everything sent is stored after the retries.
      const rows = check.prepare('SELECT channel, external_id AS id, COUNT(*) AS n FROM question GROUP BY channel, external_id').all() as Array<{ channel: string; id: string; n: number }>;
      const stored = new Map<string, Set<string>>();
      for (const r of rows) {
        expect(r.n, `${r.channel} ${r.id}`).toBe(1);
        if (!stored.has(r.channel)) stored.set(r.channel, new Set());
        stored.get(r.channel)!.add(r.id);
      }
      for (const [channel, ids] of flood.acked) for (const id of ids) expect(stored.get(channel)?.has(id), `${channel} ${id}`).toBe(true);
      for (const [channel, ids] of flood.sent) expect(stored.get(channel)?.size, channel).toBe(ids.size);
      expect(stored.get('telegram')).toEqual(telegramIds);

      // Every Telegram and WhatsApp question got its reply, and no citizen got one twice.
      const telegramReplies = new Map<string, number>();
      for (const s of bot.sent) {
        const id = `${s.chat_id}:${s.reply_parameters?.message_id}`;
        telegramReplies.set(id, (telegramReplies.get(id) ?? 0) + 1);
      }
      const whatsappReplies = new Map<string, number>();
      for (const s of graph.sent) whatsappReplies.set(s.replyTo ?? '', (whatsappReplies.get(s.replyTo ?? '') ?? 0) + 1);
      expect([...telegramReplies.values(), ...whatsappReplies.values()].every((n) => n === 1)).toBe(true);
      // A reply is missing only where a crash cut off its send before the platform saw it (uncertain, below).
      const missing =
        [...telegramIds].filter((id) => !telegramReplies.has(id)).length +
        [...(stored.get('whatsapp') ?? [])].filter((id) => !whatsappReplies.has(id)).length;
      expect([...telegramReplies.keys()].every((id) => telegramIds.has(id))).toBe(true);
      // The bound: one reply is in flight at a time, so each crash leaves at most one in doubt; it is
      // marked uncertain and audited, never sent again by itself. The two kills made while Telegram
      // held a reply (which it had received) certainly did.
      const uncertain = (check.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'uncertain'").get() as { n: number }).n;
      const audited = (check.prepare("SELECT COUNT(*) AS n FROM audit WHERE action = 'outbox.uncertain'").get() as { n: number }).n;
      expect(uncertain).toBeGreaterThanOrEqual(kills.filter((k) => k === 'sending').length);
      expect(uncertain).toBe(audited);
      expect(uncertain).toBeLessThanOrEqual(kills.length);
      expect(missing).toBeLessThanOrEqual(uncertain);
      expect((check.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status NOT IN ('sent', 'uncertain')").get() as { n: number }).n).toBe(0);
    } finally {
      check.close();
    }
  }, 300_000);
});
