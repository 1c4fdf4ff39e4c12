import type { Migration } from '.';

/**
 * The search index folds Kazakh letters as typed on a Russian keyboard, besides ё→е (0050), so
 * "Толе би" finds "Төле би" and "кашан" finds "қашан"; queries are folded the same way by
 * shared/text.ts searchKey. The pairs are written out here, not read from there, so this step
 * never changes meaning; a test checks they are still the query's fold.
 */
export const SEARCH_FOLDS_0170: ReadonlyArray<readonly [from: string, to: string]> = [
  ['ё', 'е'], ['Ё', 'Е'],
  ['ә', 'а'], ['Ә', 'А'],
  ['ғ', 'г'], ['Ғ', 'Г'],
  ['қ', 'к'], ['Қ', 'К'],
  ['ң', 'н'], ['Ң', 'Н'],
  ['ө', 'о'], ['Ө', 'О'],
  ['ұ', 'у'], ['Ұ', 'У'],
  ['ү', 'у'], ['Ү', 'У'],
  ['һ', 'х'], ['Һ', 'Х'],
  ['і', 'и'], ['І', 'И'],
];

const FOLD = (column: string): string =>
  SEARCH_FOLDS_0170.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, column);
const FTS_VALUES = (row: 'new.' | 'old.' | ''): string =>
  [`${row}id`, FOLD(`${row}original_text`), FOLD(`${row}air_text`), FOLD(`${row}sender_name`)].join(', ');

export const m0170SearchKazakhFold: Migration = {
  version: 170,
  name: 'search-kazakh-fold',
  up(db) {
    db.exec(`
      DROP TRIGGER question_fts_insert;
      DROP TRIGGER question_fts_delete;
      DROP TRIGGER question_fts_update;
      DROP TABLE question_fts;

      CREATE VIRTUAL TABLE question_fts USING fts5 (
        original_text, air_text, sender_name,
        content = 'question', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 0'
      );
      CREATE TRIGGER question_fts_insert AFTER INSERT ON question BEGIN
        INSERT INTO question_fts (rowid, original_text, air_text, sender_name) VALUES (${FTS_VALUES('new.')});
      END;
      CREATE TRIGGER question_fts_delete AFTER DELETE ON question BEGIN
        INSERT INTO question_fts (question_fts, rowid, original_text, air_text, sender_name)
        VALUES ('delete', ${FTS_VALUES('old.')});
      END;
      CREATE TRIGGER question_fts_update AFTER UPDATE OF original_text, air_text, sender_name ON question BEGIN
        INSERT INTO question_fts (question_fts, rowid, original_text, air_text, sender_name)
        VALUES ('delete', ${FTS_VALUES('old.')});
        INSERT INTO question_fts (rowid, original_text, air_text, sender_name) VALUES (${FTS_VALUES('new.')});
      END;
      INSERT INTO question_fts (rowid, original_text, air_text, sender_name)
        SELECT ${FTS_VALUES('')} FROM question;
    `);
  },
};
