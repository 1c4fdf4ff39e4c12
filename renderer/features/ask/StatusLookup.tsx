import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';

/**
 * Looks a reference up on the public status page. A plain GET form: it works without this
 * page's script, and the page it opens is served by the core in the chosen language.
 */
export function StatusLookup({ reference = '' }: { reference?: string }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <form className="ask-lookup" action="/status" method="get" data-testid="ask-lookup">
      <h2>{t('statusPage.lookupTitle')}</h2>
      <label>
        {t('statusPage.lookupLabel')}
        <input name="reference" defaultValue={reference} maxLength={80} required autoComplete="off" placeholder="2026-0042" />
      </label>
      <input type="hidden" name="lang" value={currentLanguage()} />
      <button type="submit">{t('statusPage.lookupButton')}</button>
    </form>
  );
}
