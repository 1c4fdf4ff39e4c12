import { DISTRICTS, type District } from '../../../shared/domain';
import type { Suggestions, SuggestionRule } from '../../../shared/protocol';
import { suggest } from '../analysis/suggestions';

function isDistrict(value: string): value is District {
  return (DISTRICTS as readonly string[]).includes(value);
}

/** The best topic, district and speaker the rules find in `text`, one of each at most. */
export function suggestFromRules(text: string, rules: readonly SuggestionRule[]): Suggestions {
  const out: Suggestions = { topic: null, district: null, speaker: null };
  for (const s of suggest(text, rules, { perKind: 1 })) {
    if (s.kind === 'topic') out.topic = s.value;
    else if (s.kind === 'speaker') out.speaker = s.value;
    else if (isDistrict(s.value)) out.district = s.value;
  }
  return out;
}
