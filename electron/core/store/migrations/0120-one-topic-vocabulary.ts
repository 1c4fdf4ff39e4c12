import type { Migration } from '.';

/**
 * The public form stored its own topic ids; they become the one vocabulary's (shared/vocabulary.ts).
 * The map is written out here, not read from the vocabulary, so this step never changes meaning.
 */
const RENAMED_TOPICS: ReadonlyArray<readonly [from: string, to: string]> = [['health', 'healthcare']];

export const m0120OneTopicVocabulary: Migration = {
  version: 120,
  name: 'one-topic-vocabulary',
  up(db) {
    const rename = db.prepare(`UPDATE question SET topic = @to WHERE topic = @from`);
    for (const [from, to] of RENAMED_TOPICS) rename.run({ from, to });
  },
};
