import { useTranslation } from 'react-i18next';
import type { Episode, RundownItem } from '../../../shared/protocol';
import { formatDuration } from './format';
import { queueBudget } from './queueBudget';
import { useNow } from './useRundown';

/** Elapsed and remaining of the planned duration; an over-run is shown plainly, in red. */
export function ShowClock({ episode, items }: { episode: Episode; items: readonly RundownItem[] }): React.JSX.Element | null {
  const { t } = useTranslation();
  const now = useNow();
  if (episode.startedAt === null) return episode.status === 'planned' ? <QueueBudgetLine episode={episode} items={items} now={now} /> : null;
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
      {episode.endedAt === null && <QueueBudgetLine episode={episode} items={items} now={now} />}
    </div>
  );
}

/** The queued questions' planned time against the show time left: fits, or by how much it runs over. */
function QueueBudgetLine({ episode, items, now }: { episode: Episode; items: readonly RundownItem[]; now: number }): React.JSX.Element {
  const { t } = useTranslation();
  const budget = queueBudget(episode, items, now);
  const over = budget.overMs > 0;
  return (
    <span className={`queue-budget${over ? ' over' : ''}`} data-testid="queue-budget">
      {t('rundown.budget.queued', { count: budget.queued, time: formatDuration(budget.plannedMs) })} ·{' '}
      {over ? t('rundown.budget.over', { time: formatDuration(budget.overMs) }) : t('rundown.budget.spare', { time: formatDuration(-budget.overMs) })}
    </span>
  );
}
