import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretView } from '../../../shared/protocol';

/** A write-only field: shows whether the secret is set, never its value. */
export function SecretField(props: {
  label: string;
  view: SecretView;
  value: string;
  onChange: (value: string) => void;
  onClear: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const state = props.view.set
    ? props.view.last4
      ? t('intake.secret.set', { last4: props.view.last4 })
      : t('intake.secret.setShort')
    : t('intake.secret.notSet');
  return (
    <div className="secret-field">
      <label htmlFor={id}>
        {props.label} <span className="secret-state">({state})</span>
      </label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('intake.secret.replace')}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.view.set && (
        <button type="button" onClick={props.onClear}>
          {t('intake.secret.clear')}
        </button>
      )}
    </div>
  );
}
