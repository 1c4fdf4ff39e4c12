import { useEffect, useState } from 'react';
import './graphicsPanel.css';
import { useTranslation } from 'react-i18next';
import { shortcutKey } from '../../../shared/shortcutKey';
import type { DeskClient } from '../../api';
import { GraphicsSettings } from './GraphicsSettings';
import { useGraphics } from './useGraphics';

/**
 * The producer's graphics buttons on the rundown: what the vision mixer's graphics show now, take
 * the question on air to them (G) or clear them (Shift+G), apart from putting it on air; whether
 * on air means on screen (auto-take); and the station's look.
 */
export function GraphicsPanel({
  client,
  onAirId,
  run,
}: {
  client: DeskClient;
  onAirId: number | null;
  run: (action: Promise<unknown>) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { shown, style } = useGraphics(client);
  const [editing, setEditing] = useState(false);
  const canTake = onAirId !== null && shown?.id !== onAirId;

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, dialog') || e.ctrlKey || e.metaKey || e.altKey) return;
      // By the physical key: G is п in the Russian and Kazakh layouts.
      if (shortcutKey(e) !== 'g') return;
      e.preventDefault();
      if (e.shiftKey) run(client.send('graphics.clear', {}));
      else if (onAirId !== null) run(client.send('graphics.take', { id: onAirId }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client, onAirId, run]);

  return (
    <section className="graphics-panel" aria-label={t('graphics.controls.label')}>
      <h2>{t('graphics.controls.label')}</h2>
      <div data-testid="graphics-shown" data-shown={shown ? shown.id : 'none'}>
        {shown ? (
          <>
            <p className="graphics-panel-name">{t('graphics.controls.shown', { name: shown.askerFirstName })}</p>
            <p className="graphics-panel-text">{shown.text}</p>
          </>
        ) : (
          <p>{t('graphics.controls.off')}</p>
        )}
      </div>
      <div className="graphics-panel-actions">
        <button
          type="button"
          className="primary"
          disabled={!canTake}
          aria-keyshortcuts="G"
          onClick={() => onAirId !== null && run(client.send('graphics.take', { id: onAirId }))}
        >
          {t('graphics.controls.take')}
        </button>
        <button type="button" disabled={!shown} aria-keyshortcuts="Shift+G" onClick={() => run(client.send('graphics.clear', {}))}>
          {t('graphics.controls.clear')}
        </button>
        <label className="graphics-panel-auto">
          <input
            type="checkbox"
            checked={style.autoTake}
            onChange={(e) => run(client.send('graphics.setStyle', { style: { ...style, autoTake: e.target.checked } }))}
          />
          {t('graphics.controls.autoTake')}
        </label>
        <button type="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
          {t('graphics.controls.settings')}
        </button>
        <a href="/graphics" target="_blank" rel="noreferrer">
          {t('graphics.controls.open')}
        </a>
      </div>
      {editing && (
        <GraphicsSettings
          style={style}
          close={() => setEditing(false)}
          save={(next) => {
            // Auto-take is the panel's own switch: a form opened before it was flipped must not undo it.
            run(client.send('graphics.setStyle', { style: { ...next, autoTake: style.autoTake } }));
            setEditing(false);
          }}
        />
      )}
    </section>
  );
}
