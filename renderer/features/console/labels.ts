import type { TFunction } from 'i18next';
import { REJECT_REASONS } from '../../../shared/protocol';
import { SUGGESTION_SPEAKERS } from '../../../shared/suggestionRules';
import { isOneOf } from '../../../shared/text';
import { isTopic } from '../../../shared/vocabulary';

/** A known topic id in the producer's language; free text (from a webhook) as written. */
export function topicLabel(t: TFunction, topic: string): string {
  return isTopic(topic) ? t(`topic.${topic}`) : topic;
}

export function speakerLabel(t: TFunction, speaker: string): string {
  return isOneOf(SUGGESTION_SPEAKERS, speaker) ? t(`console.speakerName.${speaker}`) : speaker;
}

/** A stored reject reason ("abuse" or "abuse: the producer's note") in the producer's language. */
export function rejectReasonLabel(t: TFunction, stored: string): string {
  const split = stored.indexOf(': ');
  const reason = split < 0 ? stored : stored.slice(0, split);
  if (!isOneOf(REJECT_REASONS, reason)) return stored;
  const label = t(`console.rejectReason.${reason}`);
  return split < 0 ? label : `${label}: ${stored.slice(split + 2)}`;
}
