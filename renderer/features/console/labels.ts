import type { TFunction } from 'i18next';
import { SUGGESTION_SPEAKERS, SUGGESTION_TOPICS } from '../../../shared/suggestionRules';

const TOPICS: readonly string[] = SUGGESTION_TOPICS;
const SPEAKERS: readonly string[] = SUGGESTION_SPEAKERS;

/** A known topic id in the producer's language; free text (from the public form) as written. */
export function topicLabel(t: TFunction, topic: string): string {
  return TOPICS.includes(topic) ? t(`console.topicName.${topic}`) : topic;
}

export function speakerLabel(t: TFunction, speaker: string): string {
  return SPEAKERS.includes(speaker) ? t(`console.speakerName.${speaker}`) : speaker;
}
