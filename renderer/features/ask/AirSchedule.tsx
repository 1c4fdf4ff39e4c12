import { useTranslation } from 'react-i18next';
import type { PublicFormInfo } from '../../../shared/forms';
import { cityTime } from '../../../shared/time';
import { currentLanguage } from '../../i18n';
import { dayjsLocale } from '../../theme/dayjsLocales';

/** When the show next airs (in Almaty time, whatever the phone's zone) and how the citizen hears back. */
export function AirSchedule({ info }: { info: PublicFormInfo | null }): React.JSX.Element {
  const { t } = useTranslation();
  const next = info?.nextEpisode ?? null;
  const when = next ? cityTime(next.plannedStart).locale(dayjsLocale(currentLanguage())).format('dddd, D MMMM, HH:mm') : '';
  return (
    <section className="ask-when" aria-labelledby="ask-when-title" data-testid="ask-when">
      <h2 id="ask-when-title">{t('ask.when.title')}</h2>
      <p data-testid="ask-next-air">{next ? (next.live ? t('ask.when.live') : t('ask.when.next', { when })) : t('ask.when.none')}</p>
      <p>{t('ask.when.hearBack')}</p>
    </section>
  );
}
