import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_CHARS, type GraphicsStyle } from '../../../shared/protocol';

const COLOURS = ['primary', 'accent', 'text'] as const;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The station's look on the graphics page: name, colours and logo. */
export function GraphicsSettings({
  style,
  save,
  close,
}: {
  style: GraphicsStyle;
  save: (style: GraphicsStyle) => void;
  close: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(style);
  const [logoError, setLogoError] = useState(false);
  const set = (patch: Partial<GraphicsStyle>): void => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form
      className="graphics-settings"
      aria-label={t('graphics.settings.title')}
      onSubmit={(e) => {
        e.preventDefault();
        save(draft);
      }}
    >
      <h3>{t('graphics.settings.title')}</h3>
      <label>
        {t('graphics.settings.stationName')}
        <input value={draft.stationName} maxLength={60} onChange={(e) => set({ stationName: e.target.value })} />
      </label>
      {COLOURS.map((key) => (
        <label key={key}>
          {t(`graphics.settings.${key}`)}
          <input type="color" value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />
        </label>
      ))}
      <label>
        {t('graphics.settings.logo')}
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void readDataUrl(file).then((logo) => {
              const tooLarge = logo.length > LOGO_MAX_CHARS;
              setLogoError(tooLarge);
              if (!tooLarge) set({ logo });
            });
          }}
        />
      </label>
      {logoError && <p className="error">{t('graphics.settings.logoTooLarge')}</p>}
      {draft.logo && (
        <p>
          <img src={draft.logo} alt="" className="graphics-settings-logo" />{' '}
          <button type="button" onClick={() => set({ logo: null })}>
            {t('graphics.settings.logoRemove')}
          </button>
        </p>
      )}
      <div className="graphics-settings-actions">
        <button type="submit" className="primary">
          {t('graphics.settings.save')}
        </button>
        <button type="button" onClick={close}>
          {t('graphics.settings.cancel')}
        </button>
      </div>
    </form>
  );
}
