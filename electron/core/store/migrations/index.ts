import type { Db } from '../db';
import { m0010Questions } from './0010-questions';
import { m0020Audit } from './0020-audit';
import { m0030ChannelsSettings } from './0030-channels-settings';
import { m0040OutboxIntegrations } from './0040-outbox-integrations';
import { m0050SearchFlagsGroups } from './0050-search-flags-groups';
import { m0060ViewsRules } from './0060-views-rules';
import { m0070Rundown } from './0070-rundown';
import { m0080DepartmentsHandoffs } from './0080-departments-handoffs';
import { m0090Inbound } from './0090-inbound';
import { m0100DeferredToEpisode } from './0100-deferred-to-episode';
import { m0110GroupingEvidence } from './0110-grouping-evidence';
import { m0120OneTopicVocabulary } from './0120-one-topic-vocabulary';
import { m0130DepartmentDirectory } from './0130-department-directory';
import { m0140ReportIndexes } from './0140-report-indexes';
import { m0150OnAirName } from './0150-on-air-name';
import { m0160Devices } from './0160-devices';
import { m0170SearchKazakhFold } from './0170-search-kazakh-fold';
import { m0180HandoffLifecycle } from './0180-handoff-lifecycle';
import { m0200RetireRoleLinks } from './0200-retire-role-links';
import { m0201PersonalDataRetention } from './0201-personal-data-retention';
import { m0220GraphicsOutput } from './0220-graphics-output';
import { m0230EpisodeRehearsal } from './0230-episode-rehearsal';
import { m0240CitizenNotifications } from './0240-citizen-notifications';
import { m0250OutboxFate } from './0250-outbox-fate';
import { m0270GroupActiveMember } from './0270-group-active-member';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

/** In order, steps of 10. Never edit a released migration: add the next one. */
export const MIGRATIONS: readonly Migration[] = [m0010Questions, m0020Audit, m0030ChannelsSettings, m0040OutboxIntegrations, m0050SearchFlagsGroups, m0060ViewsRules, m0070Rundown, m0080DepartmentsHandoffs, m0090Inbound, m0100DeferredToEpisode, m0110GroupingEvidence, m0120OneTopicVocabulary, m0130DepartmentDirectory, m0140ReportIndexes, m0150OnAirName, m0160Devices, m0170SearchKazakhFold, m0180HandoffLifecycle, m0200RetireRoleLinks, m0201PersonalDataRetention, m0220GraphicsOutput, m0230EpisodeRehearsal, m0240CitizenNotifications, m0250OutboxFate, m0270GroupActiveMember];

/** The schema version this build migrates every database to. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = LATEST_SCHEMA_VERSION;
  if (current > latest) {
    throw new Error(
      `The database is from a newer version of the desk (schema ${current}, this build knows ${latest}).`,
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
}
