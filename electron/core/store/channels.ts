import type { Channel } from '../../../shared/domain';
import type { ChannelStatus } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

export interface StoredChannelState {
  channel: Channel;
  status: ChannelStatus;
  error: string | null;
  /** Informational only (e.g. the last Telegram update id confirmed); never used to skip input. */
  cursor: string | null;
  changedAt: number;
}

export interface ChannelTraffic {
  channel: Channel;
  count: number;
  lastMessageAt: number | null;
}

const LIST = `SELECT channel, status, error, cursor, changed_at AS changedAt FROM channel_state`;

const PUT = `
  INSERT INTO channel_state (channel, status, error, cursor, changed_at)
  VALUES (@channel, @status, @error, @cursor, @changedAt)
  ON CONFLICT (channel) DO UPDATE SET
    status = excluded.status, error = excluded.error, cursor = excluded.cursor, changed_at = excluded.changed_at
`;

const TRAFFIC = `
  SELECT channel, COUNT(*) AS count, MAX(received_at) AS lastMessageAt
  FROM question
  GROUP BY channel
`;

export function listChannelStates(db: Db): StoredChannelState[] {
  return prepared(db, LIST).all() as StoredChannelState[];
}

export function saveChannelState(db: Db, state: StoredChannelState): void {
  prepared(db, PUT).run(state);
}

/** Counts and last arrival per channel, straight from the questions (uses the channel index). */
export function channelTraffic(db: Db): ChannelTraffic[] {
  return prepared(db, TRAFFIC).all() as ChannelTraffic[];
}
