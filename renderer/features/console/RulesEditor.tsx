import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUGGESTION_KINDS, type SuggestionKind, type SuggestionRule } from '../../../shared/protocol';
import { CommandError, type DeskClient } from '../../api';
import { shortcutKey } from '../../../shared/shortcutKey';

interface Row {
  key: number;
  kind: SuggestionKind;
  value: string;
  keywords: string;
}

let nextKey = 1;
const toRow = (r: SuggestionRule): Row => ({ key: nextKey++, kind: r.kind, value: r.value, keywords: r.keywords.join(', ') });

function toRules(rows: readonly Row[]): SuggestionRule[] {
  return rows
    .map((r) => ({
      kind: r.kind,
      value: r.value.trim(),
      keywords: r.keywords
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k.length > 0),
    }))
    .filter((r) => r.value.length > 0 && r.keywords.length > 0);
}

/**
 * The keyword rules behind topic/district/speaker suggestions, edited as a table. Saving
 * replaces the whole set; new questions are suggested with it from then on.
 */
export function RulesEditor({ client, onClose }: { client: DeskClient; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  useEffect(() => {
    client.send('rule.list', {}).then(
      (r) => setRows(r.items.map(toRow)),
      () => setMessage({ kind: 'error', text: t('error.internal') }),
    );
  }, [client, t]);

  const update = (key: number, patch: Partial<Row>): void =>
    setRows((rs) => (rs ?? []).map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = (): void => {
    client.send('rule.save', { items: toRules(rows ?? []) }).then(
      (r) => {
        setRows(r.items.map(toRow));
        setMessage({ kind: 'info', text: t('console.rules.saved') });
      },
      (e: unknown) => setMessage({ kind: 'error', text: e instanceof CommandError ? e.message : t('error.internal') }),
    );
  };

  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="rules-title">
      <div
        className="help-card rules-card"
        onKeyDown={(e) => {
          if (shortcutKey(e) === 'Escape') onClose();
        }}
      >
        <h2 id="rules-title">{t('console.rules.title')}</h2>
        <p>{t('console.rules.hint')}</p>
        {message && (
          <p className={message.kind} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {rows && (
          <table>
            <thead>
              <tr>
                <th>{t('console.rules.kind')}</th>
                <th>{t('console.rules.value')}</th>
                <th>{t('console.rules.keywords')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td>
                    <select aria-label={t('console.rules.kind')} value={r.kind} onChange={(e) => update(r.key, { kind: SUGGESTION_KINDS.find((k) => k === e.target.value) ?? r.kind })}>
                      {SUGGESTION_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {t(`console.rules.kinds.${k}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={t('console.rules.value')} value={r.value} maxLength={80} onChange={(e) => update(r.key, { value: e.target.value })} />
                  </td>
                  <td>
                    <textarea aria-label={t('console.rules.keywords')} rows={2} value={r.keywords} onChange={(e) => update(r.key, { keywords: e.target.value })} />
                  </td>
                  <td>
                    <button type="button" onClick={() => setRows((rs) => (rs ?? []).filter((x) => x.key !== r.key))}>
                      {t('console.rules.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="rules-actions">
          <button type="button" onClick={() => setRows((rs) => [...(rs ?? []), { key: nextKey++, kind: 'topic', value: '', keywords: '' }])}>
            {t('console.rules.add')}
          </button>
          <button type="button" className="primary" onClick={save}>
            {t('console.save')}
          </button>
          <button type="button" autoFocus onClick={onClose}>
            {t('console.help.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
