import { i18n } from '../i18n';

const STORAGE_KEY = 'desk.producerName';

/** This producer's name for the audit trail and the other producer's screen; kept per browser. */
export function producerName(): string {
  const saved = window.localStorage.getItem(STORAGE_KEY)?.trim();
  if (saved) return saved;
  const generated = i18n.t('producer.defaultName', { number: Math.floor(100 + Math.random() * 900) });
  window.localStorage.setItem(STORAGE_KEY, generated);
  return generated;
}

/** The connection carries the name, so a new one takes effect on a fresh connection. */
export function changeProducerName(name: string): void {
  const trimmed = name.trim().slice(0, 60);
  if (!trimmed || trimmed === producerName()) return;
  window.localStorage.setItem(STORAGE_KEY, trimmed);
  window.location.reload();
}
