import type { SuggestionKind, SuggestionRule } from '../../../shared/protocol';
import type { Db } from './db';
import { prepared } from './statements';

interface RuleRow {
  kind: SuggestionKind;
  value: string;
  keywords: string;
}

const LIST = `SELECT kind, value, keywords FROM suggestion_rule ORDER BY kind, id`;
const CLEAR = `DELETE FROM suggestion_rule`;
const INSERT = `
  INSERT INTO suggestion_rule (kind, value, keywords, updated_at)
  VALUES (@kind, @value, @keywords, @now)
  ON CONFLICT (kind, value) DO UPDATE SET keywords = excluded.keywords, updated_at = excluded.updated_at
`;
const COUNT = `SELECT COUNT(*) AS n FROM suggestion_rule`;

/** The stored rules, or null when producers never edited them (the built-in defaults apply). */
export function listRules(db: Db): SuggestionRule[] | null {
  if ((prepared(db, COUNT).get() as { n: number }).n === 0) return null;
  return (prepared(db, LIST).all() as RuleRow[]).map((r) => ({
    kind: r.kind,
    value: r.value,
    keywords: JSON.parse(r.keywords) as string[],
  }));
}

/** Replaces the whole rule set (the editor saves it as one document). */
export function replaceRules(db: Db, rules: readonly SuggestionRule[], now: number): void {
  db.transaction(() => {
    prepared(db, CLEAR).run();
    for (const r of rules) prepared(db, INSERT).run({ kind: r.kind, value: r.value, keywords: JSON.stringify(r.keywords), now });
  })();
}
