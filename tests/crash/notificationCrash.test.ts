import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/createCore';
import { keyFileSecretBox } from '../../electron/core/secrets/secretBox';
import { openDatabase } from '../../electron/core/store/db';
import { enqueueOutbox } from '../../electron/core/store/outbox';
import { attachSecretBox, DEFAULT_INTAKE_SETTINGS, saveIntakeSettings } from '../../electron/core/store/settings';
import { REPO_ROOT } from '../helpers/core';
import { FakeTelegram } from '../helpers/fakeTelegram';

/** Starts `serve.ts` as a real child process and resolves once it listens. */
function startCore(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/serve.ts', '--port', '0', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Public form: +http:\/\/[^\s]+\/ask/.test(out)) resolve(child);
    });
    child.stderr!.on('data', () => {});
    child.once('exit', (code) => reject(new Error(`core exited early (${code}): ${out}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a citizen notification cut off by kill -9 mid-send', () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-notice-crash-'));
  const bot = new FakeTelegram('765432:NOTICE-token-abcdefghijklmnop');
  afterAll(async () => {
    await bot.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  /** Reads the desk's database from this process while the core runs. */
  const peek = <T>(sql: string): T => {
    const reader = new Database(join(dir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      return reader.prepare(sql).get() as T;
    } finally {
      reader.close();
    }
  };

  it('is never sent a second time: it shows as "may not have been sent" (audited) and stays so', async () => {
    await bot.start();
    const db = openDatabase(join(dir, DATABASE_FILE));
    attachSecretBox(db, keyFileSecretBox(dir));
    saveIntakeSettings(db, { ...DEFAULT_INTAKE_SETTINGS, telegram: { enabled: true, token: bot.token, apiRoot: bot.url } }, Date.now());
    db.close();

    // Life 1: a citizen writes on Telegram and gets "received".
    let life = await startCore(dir);
    bot.push(bot.textUpdate(880_001, 'Когда починят светофор на Абая — Достык?'));
    await until('the question is stored and answered', () => bot.sent.length === 1);
    await stop(life, 'SIGTERM');

    // The question is handed off: its notification is queued (as notify.ts does, with the step).
    const queue = openDatabase(join(dir, DATABASE_FILE));
    const question = queue.prepare('SELECT id FROM question').get() as { id: number };
    enqueueOutbox(
      queue,
      {
        channel: 'telegram',
        recipient: '880001',
        body: { text: 'Ваш вопрос передан в Управление мобильности.', language: 'ru' },
        dedupeKey: `notice:handed_off:test:${question.id}`,
        notice: { kind: 'handed_off', questionId: question.id, recipientQuestionId: question.id },
      },
      Date.now(),
    );
    queue.close();

    // Life 2: Telegram receives the notification, and the desk is killed before it hears back.
    bot.holdSends = true;
    life = await startCore(dir);
    await until('the notification is in flight', () => bot.sendsInFlight > 0);
    expect(peek<{ status: string }>('SELECT status FROM outbox WHERE notice IS NOT NULL').status).toBe('sending');
    await stop(life, 'SIGKILL');
    bot.holdSends = false;
    await until('the fake Bot API saw the hang-up', () => bot.sendsInFlight === 0);

    // Life 3: the fate is unknown, so it is not sent again; producers see it and may resend it.
    life = await startCore(dir);
    await until('the notification is settled', () => peek<{ status: string }>('SELECT status FROM outbox WHERE notice IS NOT NULL').status !== 'sending');
    // Give the outbox time to do anything it would do (it sends within milliseconds when it does).
    await new Promise((r) => setTimeout(r, 1_500));
    await stop(life, 'SIGTERM');

    const copies = bot.sent.filter((s) => s.text === 'Ваш вопрос передан в Управление мобильности.');
    expect(copies).toHaveLength(1);
    expect(peek<{ status: string; attempts: number }>('SELECT status, attempts FROM outbox WHERE notice IS NOT NULL')).toEqual({ status: 'uncertain', attempts: 1 });
    expect(peek<{ n: number }>("SELECT COUNT(*) AS n FROM audit WHERE action = 'outbox.uncertain'").n).toBe(1);
    expect(peek<{ n: number }>("SELECT COUNT(*) AS n FROM audit WHERE action = 'outbox.resent_in_doubt'").n).toBe(0);
  }, 120_000);
});
