import type { Language } from '../domain';
import type { Notice } from '../protocol/notifications';

/**
 * What a citizen is told at each step, in their language. Plain data: an editor changes wording
 * here without touching code. `{{name}}` is filled in when the message is queued; a template
 * ending `WithSummary` is used when the producer wrote a summary of the answer on air.
 *
 * answered_on_air: reference, episode, date, time (+ summary) · handed_off: reference, department,
 * handoffReference, dueDate · department_answered: reference, department, handoffReference, answer
 */
export type NotificationTemplate = Notice | 'answered_on_airWithSummary';

export const NOTIFICATION_TEMPLATES: Record<Language, Record<NotificationTemplate, string>> = {
  kk: {
    answered_on_air: '«{{episode}}» бағдарламасында {{date}}, {{time}} сіздің {{reference}} сұрағыңызға тікелей эфирде жауап берілді.',
    answered_on_airWithSummary:
      '«{{episode}}» бағдарламасында {{date}}, {{time}} сіздің {{reference}} сұрағыңызға тікелей эфирде жауап берілді.\nҚысқаша: {{summary}}',
    handed_off:
      'Сіздің {{reference}} сұрағыңыз жолданды: {{department}}. Өтініш нөмірі: {{handoffReference}}. Жауап мерзімі — {{dueDate}} дейін.',
    department_answered: 'Сіздің {{reference}} сұрағыңызға жауап ({{handoffReference}}) — {{department}}:\n{{answer}}',
  },
  ru: {
    answered_on_air: 'На ваш вопрос {{reference}} ответили в прямом эфире программы «{{episode}}» {{date}} в {{time}}.',
    answered_on_airWithSummary:
      'На ваш вопрос {{reference}} ответили в прямом эфире программы «{{episode}}» {{date}} в {{time}}.\nКратко: {{summary}}',
    handed_off:
      'Ваш вопрос {{reference}} передан: {{department}}. Номер обращения: {{handoffReference}}. Ответ — до {{dueDate}}.',
    department_answered: 'Ответ на ваш вопрос {{reference}} ({{handoffReference}}) — {{department}}:\n{{answer}}',
  },
  en: {
    answered_on_air: 'Your question {{reference}} was answered live on “{{episode}}” on {{date}} at {{time}}.',
    answered_on_airWithSummary:
      'Your question {{reference}} was answered live on “{{episode}}” on {{date}} at {{time}}.\nIn short: {{summary}}',
    handed_off:
      'Your question {{reference}} was handed to {{department}}. Reference: {{handoffReference}}. Answer due by {{dueDate}}.',
    department_answered: '{{department}} answered your question {{reference}} ({{handoffReference}}):\n{{answer}}',
  },
};

/** The template with every `{{name}}` replaced; a name with no value is left empty. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}
