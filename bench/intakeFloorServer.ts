/**
 * The physical floor of intake's work, for the CPU row: a bare node:http server that parses each
 * form post and inserts the same question row, with a raw better-sqlite3 statement, into the
 * desk's own schema (same indexes and search-index triggers, WAL, synchronous=FULL), one
 * transaction per event-loop turn (group commit), and answers once it is committed. No
 * validation, ledger, analysis, grouping or events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../electron/core/store/db';
import type { FormBody } from './messages';

const dataDir = mkdtempSync(join(tmpdir(), 'desk-bench-floor-'));
const db = openDatabase(join(dataDir, 'desk.sqlite'));
const insert = db.prepare(`
  INSERT INTO question (
    reference, channel, external_id, sender_name, district, language, original_text, air_text,
    received_at, updated_at
  ) VALUES (
    @reference, 'web', @externalId, @senderName, @district, @language, @text, @text,
    @receivedAt, @receivedAt
  )
`);
let seq = 0;
let pending: Array<{ row: Record<string, unknown>; res: ServerResponse }> = [];
const commit = db.transaction((rows: typeof pending) => {
  for (const { row } of rows) insert.run(row);
});
const flush = () => {
  const batch = pending;
  pending = [];
  commit(batch);
  for (const { row, res } of batch) {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: true, value: { reference: row.reference } }));
  }
};

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    const form = JSON.parse(body) as FormBody;
    const now = Date.now();
    const row = { reference: `2026-${++seq}`, externalId: form.submissionId, senderName: form.name, district: form.district, language: form.language, text: form.text, receivedAt: now };
    if (pending.push({ row, res }) === 1) setImmediate(flush);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`URL http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage();
  console.log(`CPU_US ${cpu.user + cpu.system}`);
});
process.on('SIGTERM', () => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
