import { useEffect, useMemo } from 'react';
import './graphics.css';
import { useTranslation } from 'react-i18next';
import { GRAPHICS_VARIANTS, type GraphicsItem, type GraphicsStyle, type GraphicsVariant } from '../../../shared/protocol';
import { useDeskClient } from '../../components/useDeskClient';
import { useGraphics } from './useGraphics';
import { usePresence } from './usePresence';

function currentVariant(): GraphicsVariant {
  const asked = new URLSearchParams(window.location.search).get('variant');
  return (GRAPHICS_VARIANTS as readonly string[]).includes(asked ?? '') ? (asked as GraphicsVariant) : 'lower-third';
}

function Asker({ item }: { item: GraphicsItem }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="graphics-asker">
      <span data-testid="graphics-name">{item.askerFirstName}</span>
      {item.district && (
        <span className="graphics-district" data-testid="graphics-district">
          {t(`district.${item.district}`)}
        </span>
      )}
    </div>
  );
}

function AskedBy({ item }: { item: GraphicsItem }): React.JSX.Element | null {
  const { t } = useTranslation();
  // One asker is the question itself; the count matters once the audience has voted with repeats.
  if (item.askedBy < 2) return null;
  return (
    <div className="graphics-asked-by" data-testid="graphics-asked-by">
      {t('graphics.askedBy', { count: item.askedBy })}
    </div>
  );
}

function Brand({ style }: { style: GraphicsStyle }): React.JSX.Element | null {
  if (!style.logo && !style.stationName) return null;
  return (
    <div className="graphics-brand">
      {style.logo && <img className="graphics-logo" src={style.logo} alt="" data-testid="graphics-logo" />}
      {style.stationName && <span>{style.stationName}</span>}
    </div>
  );
}

function Ticker({ items }: { items: readonly GraphicsItem[] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <div className="graphics-ticker-label">{t('graphics.upNext')}</div>
      <ul className="graphics-ticker-items" data-testid="graphics-ticker">
        {items.map((item) => (
          <li key={item.id}>
            <b>{item.askerFirstName}{item.district ? `, ${t(`district.${item.district}`)}` : ''}</b> {item.text}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The vision mixer's browser source (OBS, vMix, CasparCG): 1920×1080 on a transparent page,
 * nothing but what the producer took to graphics — first name, district, the masked on-air
 * wording and how many asked — sliding in and out. Nothing at all while graphics are cleared.
 */
export function GraphicsPage(): React.JSX.Element {
  const client = useDeskClient('graphics');
  const { shown, upcoming, style } = useGraphics(client);
  const variant = currentVariant();
  const { t } = useTranslation();
  // The ticker lists what comes after the question on screen; it shows only while one is.
  const content = useMemo(
    () => (shown && (variant !== 'ticker' || upcoming.length > 0) ? { shown, upcoming } : null),
    [shown, upcoming, variant],
  );
  const presence = usePresence(content);

  // The app's page colour would cover the video under a browser source.
  useEffect(() => {
    document.documentElement.classList.add('graphics-output');
    return () => document.documentElement.classList.remove('graphics-output');
  }, []);

  const colours = {
    '--g-primary': style.primary,
    '--g-accent': style.accent,
    '--g-text': style.text,
  } as React.CSSProperties;
  const item = presence.item;
  return (
    <div className="graphics-stage" data-variant={variant} style={colours} data-testid="graphics-stage" aria-label={t('graphics.title')}>
      {item && (
        <div
          key={variant === 'ticker' ? 'ticker' : item.shown.id}
          className={`graphics-box graphics-${variant}`}
          data-state={presence.leaving ? 'out' : 'in'}
          data-testid="graphics-box"
          onAnimationEnd={(e) => {
            // The ticker's crawl is the box's child's animation, not its exit.
            if (e.target === e.currentTarget && presence.leaving) presence.gone();
          }}
        >
          {variant === 'ticker' ? (
            <Ticker items={item.upcoming} />
          ) : (
            <>
              <Brand style={style} />
              {variant === 'quote' && <div className="graphics-kicker">{t('graphics.question')}</div>}
              <Asker item={item.shown} />
              <p className="graphics-text" data-testid="graphics-text">
                {item.shown.text}
              </p>
              <AskedBy item={item.shown} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
