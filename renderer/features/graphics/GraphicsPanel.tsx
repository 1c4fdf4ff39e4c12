import { useEffect, useState } from 'react';
import './graphicsPanel.css';
import { useTranslation } from 'react-i18next';
import { shortcutKey } from '../../../shared/shortcutKey';
import type { DeskClient } from '../../api';
import { GraphicsSettings } from './GraphicsSettings';
import { useGraphics } from './useGraphics';

/**
 * The producer's graphics buttons on the rundown: take the question on air to the vision mixer's
 * graphics (G) or clear them (Shift+G), apart from putting it on air; and the station's look.
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
      <p data-testid="graphics-shown" data-shown={shown ? 'yes' : 'no'}>
        {shown ? t('graphics.controls.shown', { name: shown.askerFirstName }) : t('graphics.controls.off')}
      </p>
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
            run(client.send('graphics.setStyle', { style: next }));
            setEditing(false);
          }}
        />
      )}
    </section>
  );
}
