import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/domain';
import { setLanguage } from '../i18n';

export function LanguageSwitcher(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switcher" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={i18n.language === lang}
          data-lang={lang}
          onClick={() => setLanguage(lang)}
        >
          {t(`lang.${lang}`)}
        </button>
      ))}
    </div>
  );
}
