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
