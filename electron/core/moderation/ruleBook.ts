import type { SuggestionRule } from '../../../shared/protocol';
import { DEFAULT_SUGGESTION_RULES } from '../../../shared/suggestionRules';
import type { Db } from '../store/db';
import { listRules, replaceRules } from '../store/rules';

/**
 * The keyword rules behind suggestions, read once and kept in memory: intake consults them for
 * every arrival. Until producers edit them, the built-in defaults apply.
 */
export class RuleBook {
  private rules: readonly SuggestionRule[];

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.rules = listRules(db) ?? DEFAULT_SUGGESTION_RULES;
  }

  /** The rules in force, not to be modified by the caller. */
  current(): readonly SuggestionRule[] {
    return this.rules;
  }

  list(): SuggestionRule[] {
    return this.rules.map((r) => ({ ...r, keywords: [...r.keywords] }));
  }

  replace(rules: readonly SuggestionRule[]): SuggestionRule[] {
    replaceRules(this.db, rules, this.now());
    this.rules = rules.map((r) => ({ ...r, keywords: [...r.keywords] }));
    return this.list();
  }
}
