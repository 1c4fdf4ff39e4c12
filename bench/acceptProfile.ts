import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../electron/core/createCore';
import { EventBus } from '../electron/core/events';
import { createIntake, type Intake } from '../electron/core/intake/accept';
import { openDatabase } from '../electron/core/store/db';

/**
 * Where intake time goes, without HTTP: `accept()` as the core wires it (with the derived data
 * computed inside each commit: flags, grouping, search index) against a bare `createIntake` on
 * the same schema, and one fsync per message against group commit. Diagnostic, no target.
 */
export interface AcceptProfile {
  /** msg/s, 200 concurrent arrivals per round (group commit), until every question is made. */
  groupedWithDerivedData: number;
  groupedStorageOnly: number;
  /** msg/s, one message at a time (one commit, one fsync each). */
  serialStorageOnly: number;
}

const MESSAGES = 2000;

async function grouped(intake: Intake, tag: string): Promise<number> {
  const t0 = performance.now();
  for (let round = 0; round < MESSAGES / 200; round++) {
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        intake.accept({ channel: 'web', externalId: `${tag}-${round}-${i}`, senderName: 'Айгүл', text: `Қашан Абай даңғылы жөнделеді? ${round}/${i}` }),
      ),
    );
  }
  intake.drain();
  return Math.round(MESSAGES / ((performance.now() - t0) / 1000));
}

async function serial(intake: Intake, count: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    await intake.accept({ channel: 'web', externalId: `serial-${i}`, senderName: 'Марат', text: `Когда закончат ремонт ${i}` });
  }
  return Math.round(count / ((performance.now() - t0) / 1000));
}

export async function runAcceptProfile(): Promise<AcceptProfile> {
  const coreDir = mkdtempSync(join(tmpdir(), 'desk-accept-core-'));
  const core = await createCore({ dataDir: coreDir, host: '127.0.0.1', port: 0, log: () => {} });
  const groupedWithDerivedData = await grouped(core.intake, 'core');
  await core.close();
  rmSync(coreDir, { recursive: true, force: true });

  const plainDir = mkdtempSync(join(tmpdir(), 'desk-accept-plain-'));
  const db = openDatabase(join(plainDir, 'plain.sqlite'));
  const plain = createIntake({ db, bus: new EventBus(), now: Date.now });
  const groupedStorageOnly = await grouped(plain, 'plain');
  const serialStorageOnly = await serial(plain, 300);
  await plain.close();
  db.close();
  rmSync(plainDir, { recursive: true, force: true });
  return { groupedWithDerivedData, groupedStorageOnly, serialStorageOnly };
}
