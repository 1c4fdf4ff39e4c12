import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PERSONAL_DATA_MASK } from '../../../electron/core/analysis/personalData';
import { openDatabase, type Db } from '../../../electron/core/store/db';
import { insertEpisode } from '../../../electron/core/store/episodes';
import { insertOutcome, listEpisodeOutcomes } from '../../../electron/core/store/outcomes';
import { insertQuestion } from '../../../electron/core/store/questions';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-outcomes-'));
  db = openDatabase(join(dir, 'desk.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the outcomes table', () => {
  it('shows the wording with phones, IINs, cards and e-mails masked, and keeps the stored text', () => {
    const text = 'Свет отключают каждый день, тел 8 701 123 45 67, ИИН 9001 0130 0126, карта 4400 4301 2345 6789, a.b@mail.kz';
    const q = insertQuestion(
      db,
      {
        channel: 'web',
        externalId: 'e1',
        senderName: 'Айгерим',
        senderContact: null,
        senderUserId: null,
        district: null,
        topic: null,
        language: 'ru',
        text,
        meta: {},
        receivedAt: 1_700_000_000_000,
        referenceYear: 2026,
      },
      { id: 1, reference: '2026-0001' },
    );
    const episode = insertEpisode(
      db,
      { title: 'Akimat LIVE', airDate: '2026-05-20', startTime: '19:00', plannedStart: 0, durationMin: 60, rehearsal: false },
      1_700_000_000_000,
    );
    insertOutcome(db, {
      questionId: q.id,
      episodeId: episode.id,
      kind: 'answered',
      summary: '',
      reason: '',
      commitments: [],
      deferredTo: null,
      decidedAt: 1_700_000_100_000,
      actor: 'producer',
    });
    const [outcome] = listEpisodeOutcomes(db, episode.id);
    expect(outcome!.airText).toBe(
      `Свет отключают каждый день, тел ${PERSONAL_DATA_MASK}, ИИН ${PERSONAL_DATA_MASK}, карта ${PERSONAL_DATA_MASK}, ${PERSONAL_DATA_MASK}`,
    );
    expect(db.prepare('SELECT air_text FROM question WHERE id = ?').pluck().get(q.id)).toBe(text);
  });
});
