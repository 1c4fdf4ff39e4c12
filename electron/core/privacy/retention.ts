import { privacySettingsSchema, type PrivacySettings } from '../../../shared/protocol';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import { erasePersonalData } from '../store/personalData';
import { readSetting, writeSetting } from '../store/settingRows';

/** Off until a producer sets a period: erasing is not something to do by surprise. */
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { retentionDays: 0 };

const KEY = 'privacy';
const DAY_MS = 24 * 3600_000;
/** How often the schedule erases what has come due since the last run. */
const RUN_EVERY_MS = 3600_000;

export interface RetentionDeps {
  db: Db;
  now: () => number;
  log: (message: string, error?: unknown) => void;
}

export interface Retention {
  settings(): PrivacySettings;
  configure(settings: PrivacySettings, actor: string): Promise<void>;
  /** Erases what is past the period now; one audit row says how much (none when nothing was due). */
  run(): Promise<{ questions: number; replies: number }>;
  close(): Promise<void>;
}

/** Retention of senders' personal data: at start, every hour, and whenever the period changes. */
export function createRetention({ db, now, log }: RetentionDeps): Retention {
  let running: Promise<{ questions: number; replies: number }> | null = null;
  let closed = false;
  const settings = (): PrivacySettings => readSetting(db, KEY, privacySettingsSchema, DEFAULT_PRIVACY_SETTINGS);

  const erase = async (): Promise<{ questions: number; replies: number }> => {
    const { retentionDays } = settings();
    const total = { questions: 0, replies: 0 };
    if (retentionDays === 0) return total;
    const before = now() - retentionDays * DAY_MS;
    for (;;) {
      const step = erasePersonalData(db, before, now());
      total.questions += step.questions;
      total.replies += step.replies;
      if (step.done || closed) break;
      // Intake and the consoles go on between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (total.questions > 0 || total.replies > 0) {
      insertAudit(db, {
        at: now(),
        actor: 'retention',
        action: 'privacy.erase',
        entity: 'privacy',
        entityId: 0,
        after: { retentionDays, receivedBefore: new Date(before).toISOString(), ...total },
      });
    }
    return total;
  };

  const run = (): Promise<{ questions: number; replies: number }> => {
    running ??= erase().finally(() => (running = null));
    return running;
  };
  const scheduled = (): void => {
    if (closed) return;
    run().catch((error: unknown) => log('retention: erasing personal data failed; tried again within the hour', error));
  };
  const timer = setInterval(scheduled, RUN_EVERY_MS);
  timer.unref();
  setImmediate(scheduled);

  return {
    settings,
    async configure(next, actor) {
      writeSetting(db, KEY, next, now());
      insertAudit(db, { at: now(), actor, action: 'privacy.configure', entity: 'privacy', entityId: 0, after: next });
      await running?.catch(() => undefined);
      await run();
    },
    run,
    async close() {
      closed = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
