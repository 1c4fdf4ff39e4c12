import { useTranslation } from 'react-i18next';
import type { Episode } from '../../../shared/protocol';
import { formatDuration } from './format';
import { useNow } from './useRundown';

/** Elapsed and remaining of the planned duration; an over-run is shown plainly, in red. */
export function ShowClock({ episode }: { episode: Episode }): React.JSX.Element | null {
  const { t } = useTranslation();
  const now = useNow();
  if (episode.startedAt === null) return null;
  const elapsed = (episode.endedAt ?? now) - episode.startedAt;
  const remaining = episode.durationMin * 60_000 - elapsed;
  return (
    <div className="show-clock" role="timer" aria-label={t('rundown.clock.label')}>
      <span>
        {t('rundown.clock.elapsed')} <strong data-testid="clock-elapsed">{formatDuration(elapsed)}</strong>
      </span>
      {remaining >= 0 ? (
        <span>
          {t('rundown.clock.remaining')} <strong data-testid="clock-remaining">{formatDuration(remaining)}</strong>
        </span>
      ) : (
        <span className="over-run" data-testid="clock-overrun">
          {t('rundown.clock.overRun', { time: formatDuration(remaining) })}
        </span>
      )}
    </div>
  );
}
