import type { Migration } from '.';

/**
 * Episodes, their speakers and per-speaker queues, time on air, outcomes and the teleprompter
 * cue. A question sits in at most one queue (question_id is the key); its queue row is removed
 * when an outcome is recorded, so "what is left in an episode" is exactly its queue rows.
 */
export const m0070Rundown: Migration = {
  version: 70,
  name: 'rundown',
  up(db) {
    db.exec(`
      CREATE TABLE episode (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        air_date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        planned_start INTEGER NOT NULL,
        duration_min INTEGER NOT NULL CHECK (duration_min > 0),
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'done')),
        started_at INTEGER,
        ended_at INTEGER,
        active_speaker_id INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX episode_planned ON episode (planned_start);
      -- One live episode at a time, enforced by the database itself.
      CREATE UNIQUE INDEX episode_one_live ON episode (status) WHERE status = 'live';

      CREATE TABLE speaker (
        id INTEGER PRIMARY KEY,
        episode_id INTEGER NOT NULL REFERENCES episode (id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        portfolio TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX speaker_episode ON speaker (episode_id, position);

      CREATE TABLE queue_item (
        question_id INTEGER PRIMARY KEY REFERENCES question (id),
        episode_id INTEGER NOT NULL REFERENCES episode (id),
        speaker_id INTEGER NOT NULL REFERENCES speaker (id),
        position INTEGER NOT NULL,
        added_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX queue_item_order ON queue_item (episode_id, speaker_id, position);
      CREATE INDEX queue_item_speaker ON queue_item (speaker_id, position);

      CREATE TABLE air_segment (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question (id),
        episode_id INTEGER REFERENCES episode (id),
        speaker_id INTEGER REFERENCES speaker (id),
        started_at INTEGER NOT NULL,
        ended_at INTEGER
      ) STRICT;
      CREATE INDEX air_segment_question ON air_segment (question_id, started_at);
      CREATE INDEX air_segment_open ON air_segment (ended_at) WHERE ended_at IS NULL;

      CREATE TABLE outcome (
        id INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES question (id),
        episode_id INTEGER REFERENCES episode (id),
        kind TEXT NOT NULL CHECK (kind IN ('answered', 'handed_off', 'deferred', 'dropped')),
        summary TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        commitments TEXT NOT NULL DEFAULT '[]',
        decided_at INTEGER NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outcome_episode ON outcome (episode_id, id);
      CREATE INDEX outcome_question ON outcome (question_id, id);

      -- A single row: what the producer is telling the speaker right now.
      CREATE TABLE prompter_cue (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        cue TEXT,
        countdown_ends_at INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO prompter_cue (id, cue, countdown_ends_at, updated_at) VALUES (1, NULL, NULL, 0);
    `);
  },
};
