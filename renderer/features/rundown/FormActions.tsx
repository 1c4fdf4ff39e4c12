import { useTranslation } from 'react-i18next';

/** The foot of every rundown form: submit (the primary action) and cancel. */
export function FormActions({ saveLabel, onCancel }: { saveLabel: string; onCancel: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="primary">
        {saveLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {t('rundown.cancel')}
      </button>
    </div>
  );
}
