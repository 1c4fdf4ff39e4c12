import { QUESTION_FLAGS, type QuestionFlagName } from '../../../shared/protocol/questions';
import { findPersonalData } from './personalData';
import { findProfanity } from './profanity';
import { findRudeness } from './rudeness';

/** Every flag, in the order flags are reported and shown; the protocol's list is the one list. */
export { QUESTION_FLAGS };

/** A reason for a producer to look at a question before it goes on air. */
export type QuestionFlag = QuestionFlagName;

/** Over this many characters a question is too long to read on air as written. */
export const DEFAULT_LONG_TEXT_THRESHOLD = 1500;

export interface FlagOptions {
  longTextThreshold?: number;
}

// Characters as people count them: an emoji is one, not two UTF-16 units.
function exceedsCodePoints(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate is the second half of a character already counted.
    if ((unit < 0xdc00 || unit > 0xdfff) && ++count > limit) return true;
  }
  return false;
}

/** Flags raised by `text`, each once, in {@link QUESTION_FLAGS} order. */
export function computeFlags(text: string, opts: FlagOptions = {}): QuestionFlag[] {
  const raised = new Set<QuestionFlag>();
  if (findProfanity(text).length > 0) raised.add('profanity');
  if (findRudeness(text).length > 0) raised.add('rude');
  for (const span of findPersonalData(text)) raised.add(span.kind);
  if (exceedsCodePoints(text, opts.longTextThreshold ?? DEFAULT_LONG_TEXT_THRESHOLD)) raised.add('long_text');
  return QUESTION_FLAGS.filter((flag) => raised.has(flag));
}
