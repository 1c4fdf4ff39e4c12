import type { ParseKeys, TFunction } from 'i18next';
import { isOneOf } from '../../../shared/text';
import { DISTRICTS, QUESTION_STATUSES } from '../../../shared/domain';
import { OUTCOME_KINDS } from '../../../shared/protocol';
import { rejectReasonLabel, speakerLabel, topicLabel } from './labels';

/** What follows "question." in the audit actions that have a name in console.action. */
const QUESTION_ACTIONS = [
  ...QUESTION_STATUSES,
  'edit',
  'setAirName',
  'tag',
  'merge',
  'split',
  'undo',
  'editedBySender',
] as const;

/** Field names that already have a label elsewhere in the console; the rest are in console.field. */
const FIELD_KEYS: Readonly<Record<string, ParseKeys>> = {
  status: 'console.filter.status',
  airText: 'console.airText',
  airName: 'console.airName',
  originalText: 'console.originalText',
  topic: 'console.filter.topic',
  district: 'district.label',
  speaker: 'console.filter.speaker',
  rejectReason: 'console.field.rejectReason',
  groupId: 'console.field.groupId',
  into: 'console.field.into',
};

/** "question.deferred" → "deferred" in the producer's language; an outcome names its kind. */
export function actionLabel(t: TFunction, action: string, after: unknown): string {
  if (action === 'outcome.record') {
    const kind = typeof after === 'object' && after !== null ? (after as { kind?: unknown }).kind : undefined;
    if (typeof kind === 'string' && isOneOf(OUTCOME_KINDS, kind)) {
      return t('console.action.outcome', { kind: t(`rundown.outcome.${kind}`) });
    }
  }
  const name = action.startsWith('question.') ? action.slice('question.'.length) : '';
  return isOneOf(QUESTION_ACTIONS, name) ? t(`console.action.${name}`) : t('console.action.other');
}

/** A field's label; every field the audit trail records has one, a new one shows its key until it does. */
export function fieldLabel(t: TFunction, field: string): string {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field;
}

/** A field's value as the producer reads it elsewhere: statuses, reasons and tags by their labels. */
export function fieldValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'string') return typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field) {
    case 'status':
      return isOneOf(QUESTION_STATUSES, value) ? t(`status.${value}`) : value;
    case 'rejectReason':
      return rejectReasonLabel(t, value);
    case 'topic':
      return topicLabel(t, value);
    case 'speaker':
      return speakerLabel(t, value);
    case 'district':
      return isOneOf(DISTRICTS, value) ? t(`district.${value}`) : value;
    default:
      return value;
  }
}
