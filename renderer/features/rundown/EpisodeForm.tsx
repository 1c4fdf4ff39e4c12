import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField, TimeField } from '../../components/pickers';
import type { Rundown } from '../../../shared/protocol';
import { formatCityTime } from '../../../shared/time';
import { FormActions } from './FormActions';

export interface EpisodeDraft {
  title: string;
  airDate: string;
  startTime: string;
  durationMin: number;
  rehearsal: boolean;
  speakers: Array<{ id?: number; name: string; portfolio: string }>;
}

export function draftFrom(rundown: Rundown | null): EpisodeDraft {
  if (!rundown) {
    return {
      title: '',
      airDate: formatCityTime(Date.now(), 'YYYY-MM-DD'),
      startTime: '19:00',
      durationMin: 60,
      rehearsal: false,
      speakers: [{ name: '', portfolio: '' }],
    };
  }
  const { episode, speakers } = rundown;
  return {
    title: episode.title,
    airDate: episode.airDate,
    startTime: episode.startTime,
    durationMin: episode.durationMin,
    rehearsal: episode.rehearsal,
    speakers: speakers.map((s) => ({ id: s.id, name: s.name, portfolio: s.portfolio })),
  };
}

/** Create or edit an episode: date, planned start, duration, title and the speakers on air. */
export function EpisodeForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: EpisodeDraft;
  onSave: (draft: EpisodeDraft) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const setSpeaker = (i: number, patch: Partial<EpisodeDraft['speakers'][number]>): void =>
    setDraft((d) => ({ ...d, speakers: d.speakers.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  return (
    <form
      className="episode-form"
      aria-label={t('rundown.episode.form')}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ ...draft, speakers: draft.speakers.filter((s) => s.name.trim() !== '') });
      }}
    >
      <label>
        {t('rundown.episode.title')}
        <input required value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
      </label>
      <DateField label={t('rundown.episode.date')} required value={draft.airDate} onChange={(airDate) => setDraft({ ...draft, airDate })} />
      <TimeField label={t('rundown.episode.start')} required value={draft.startTime} onChange={(startTime) => setDraft({ ...draft, startTime })} />
      <label>
        {t('rundown.episode.duration')}
        <input
          type="number"
          min={1}
          max={600}
          required
          value={draft.durationMin}
          onChange={(e) => setDraft({ ...draft, durationMin: Number(e.target.value) })}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.rehearsal} onChange={(e) => setDraft({ ...draft, rehearsal: e.target.checked })} />
        {t('rundown.episode.rehearsal')}
      </label>
      <fieldset>
        <legend>{t('rundown.episode.speakers')}</legend>
        {draft.speakers.map((s, i) => (
          <div className="speaker-row" key={s.id ?? `new-${i}`}>
            <label>
              {t('rundown.episode.speakerName', { n: i + 1 })}
              <input value={s.name} onChange={(e) => setSpeaker(i, { name: e.target.value })} />
            </label>
            <label>
              {t('rundown.episode.portfolio', { n: i + 1 })}
              <input value={s.portfolio} onChange={(e) => setSpeaker(i, { portfolio: e.target.value })} />
            </label>
            <button
              type="button"
              disabled={draft.speakers.length === 1}
              onClick={() => setDraft((d) => ({ ...d, speakers: d.speakers.filter((_, j) => j !== i) }))}
            >
              {t('rundown.episode.removeSpeaker')}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setDraft((d) => ({ ...d, speakers: [...d.speakers, { name: '', portfolio: '' }] }))}
        >
          {t('rundown.episode.addSpeaker')}
        </button>
      </fieldset>
      <FormActions saveLabel={t('rundown.episode.save')} onCancel={onCancel} />
    </form>
  );
}
