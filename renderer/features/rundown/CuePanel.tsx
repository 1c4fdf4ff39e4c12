import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUE_PRESETS, type Cue, type PrompterState } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { formatDuration } from './format';
import { useNow } from './useRundown';

/** Private lines to the speaker's teleprompter, and a countdown. */
export function CuePanel({
  client,
  state,
  run,
}: {
  client: DeskClient;
  state: PrompterState;
  run: (action: Promise<unknown>) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [seconds, setSeconds] = useState(60);
  const now = useNow(500);
  const send = (cue: Cue | null): void => run(client.send('prompter.cue', { cue }));
  const shown = state.cue ? (state.cue.kind === 'preset' ? t(`prompter.cue.${state.cue.preset}`) : state.cue.text) : null;
  return (
    <section className="cue-panel" aria-label={t('rundown.cues.title')}>
      <h2>{t('rundown.cues.title')}</h2>
      <p data-testid="cue-current">{shown ? t('rundown.cues.showing', { cue: shown }) : t('rundown.cues.none')}</p>
      <div className="cue-presets">
        {CUE_PRESETS.map((preset) => (
          <button key={preset} type="button" onClick={() => send({ kind: 'preset', preset })}>
            {t(`prompter.cue.${preset}`)}
          </button>
        ))}
        <button type="button" disabled={!state.cue} onClick={() => send(null)}>
          {t('rundown.cues.clear')}
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) send({ kind: 'text', text: text.trim() });
          setText('');
        }}
      >
        <label>
          {t('rundown.cues.text')}
          <input value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit">{t('rundown.cues.send')}</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(client.send('prompter.countdown', { seconds }));
        }}
      >
        <label>
          {t('rundown.cues.countdownSeconds')}
          <input type="number" min={1} max={3600} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} />
        </label>
        <button type="submit">{t('rundown.cues.startCountdown')}</button>
        <button
          type="button"
          disabled={!state.countdown}
          onClick={() => run(client.send('prompter.countdown', { seconds: null }))}
        >
          {t('rundown.cues.stopCountdown')}
        </button>
        {state.countdown && <span className="countdown">{formatDuration(Math.max(0, state.countdown.endsAt - now))}</span>}
      </form>
    </section>
  );
}
