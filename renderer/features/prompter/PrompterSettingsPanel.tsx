import { useTranslation } from 'react-i18next';
import { LIMITS, type PrompterSettings } from './prompterSettings';

/** Display settings for this device; every change is saved at once. */
export function PrompterSettingsPanel({
  settings,
  update,
  onClose,
}: {
  settings: PrompterSettings;
  update: (patch: Partial<PrompterSettings>) => void;
  onClose: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const range = (key: 'fontSizePx' | 'lineHeight' | 'marginPct' | 'speed', step: number): React.JSX.Element => (
    <label>
      {t(`prompter.settings.${key}`)} <output>{settings[key]}</output>
      <input
        type="range"
        min={LIMITS[key][0]}
        max={LIMITS[key][1]}
        step={step}
        value={settings[key]}
        onChange={(e) => update({ [key]: Number(e.target.value) })}
      />
    </label>
  );
  return (
    <section className="prompter-settings" aria-label={t('prompter.settings.title')}>
      <h2>{t('prompter.settings.title')}</h2>
      {range('fontSizePx', 2)}
      {range('lineHeight', 0.05)}
      {range('marginPct', 1)}
      {range('speed', 5)}
      <label>
        {t('prompter.settings.theme')}
        <select value={settings.theme} onChange={(e) => update({ theme: e.target.value === 'light' ? 'light' : 'dark' })}>
          <option value="dark">{t('prompter.settings.dark')}</option>
          <option value="light">{t('prompter.settings.light')}</option>
        </select>
      </label>
      {(['readingLine', 'showClock', 'showTimer'] as const).map((key) => (
        <label key={key} className="checkbox">
          <input type="checkbox" checked={settings[key]} onChange={(e) => update({ [key]: e.target.checked })} />
          {t(`prompter.settings.${key}`)}
        </label>
      ))}
      <label className="checkbox">
        <input type="checkbox" checked={settings.mirrorX} onChange={(e) => update({ mirrorX: e.target.checked })} />
        {t('prompter.settings.mirrorX')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={settings.mirrorY} onChange={(e) => update({ mirrorY: e.target.checked })} />
        {t('prompter.settings.mirrorY')}
      </label>
      <button type="button" onClick={onClose}>
        {t('prompter.settings.close')}
      </button>
    </section>
  );
}
