import { useCallback, useEffect, useRef, useState } from 'react';
import './prompter.css';
import { useTranslation } from 'react-i18next';
import type { PrompterItem, ScrollAction } from '../../../shared/protocol';
import { shortcutKey } from '../../../shared/shortcutKey';
import { formatCityTime } from '../../../shared/time';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { useConnectionStatus, useDeskClient } from '../../components/useDeskClient';
import { PrompterHelp } from './PrompterHelp';
import { PrompterSettingsPanel } from './PrompterSettingsPanel';
import { LIMITS, mirrorTransform, useHelpSeen, usePrompterSettings } from './prompterSettings';
import { usePrompter, type ReceivedPrompterState } from './usePrompter';

const SPEED_STEP = 1.2;
/** Fractions of the visible height: a line (↓, a remote's forward) and a page (PageDown, pageForward). */
const LINE_STEP = 0.15;
const PAGE_STEP = 0.4;
/** How long the controls stay after the pointer last moved. */
const CONTROLS_SHOWN_MS = 3000;
/** The countdown turns amber, then red, as the end nears. */
const COUNTDOWN_WARN_S = 30;
const COUNTDOWN_URGENT_S = 10;

/**
 * The bar stays out of the speaker's sight: it shows while the pointer moves (and a moment after)
 * or while H has it pinned.
 */
function useControlsShown(pinned: boolean): boolean {
  const [moving, setMoving] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMove = (): void => {
      setMoving(true);
      clearTimeout(timer);
      timer = setTimeout(() => setMoving(false), CONTROLS_SHOWN_MS);
    };
    window.addEventListener('pointermove', onMove);
    return () => {
      window.removeEventListener('pointermove', onMove);
      clearTimeout(timer);
    };
  }, []);
  return pinned || moving;
}

export function PrompterPage(): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('speaker');
  const status = useConnectionStatus(client);
  const state = usePrompter(client);
  const { current, next } = state;
  const [settings, update] = usePrompterSettings();
  const [helpSeen, setHelpSeen] = useHelpSeen();
  const [showSettings, setShowSettings] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [pinned, setPinned] = useState(false);
  const controlsShown = useControlsShown(pinned || showSettings || !helpSeen);
  const scrollRef = useRef<HTMLDivElement>(null);
  const position = useRef(0);

  // A new question starts at the top; an edit of the same question keeps the reader's place.
  useEffect(() => {
    position.current = 0;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [current?.id]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const el = scrollRef.current;
    if (el) position.current = el.scrollTop;
    const step = (now: number): void => {
      if (el) {
        // Accumulate fractions: scrollTop is rounded, and slow speeds move less than a pixel a frame.
        position.current = Math.min(position.current + (settings.speed * (now - last)) / 1000, el.scrollHeight);
        el.scrollTop = position.current;
      }
      last = now;
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing, settings.speed]);

  /** Moves the text by a fraction of the visible height, as the keys and a remote's buttons do. */
  const scrollBy = useCallback((fraction: number): void => {
    const el = scrollRef.current;
    if (!el) return;
    el.scrollTop += el.clientHeight * fraction;
    position.current = el.scrollTop;
  }, []);

  // A button panel or a pedal elsewhere (`prompter.scroll`) moves the text as this screen's own keys would.
  useEffect(
    () =>
      client.on('prompter.scroll', ({ action }) => {
        const remote: Record<ScrollAction, () => void> = {
          forward: () => scrollBy(LINE_STEP),
          back: () => scrollBy(-LINE_STEP),
          pageForward: () => scrollBy(PAGE_STEP),
          pageBack: () => scrollBy(-PAGE_STEP),
          top: () => scrollBy(-1000),
          playPause: () => setPlaying((p) => !p),
        };
        remote[action]();
      }),
    [client, scrollBy],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.target as HTMLElement).closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (!helpSeen) setHelpSeen(true);
      const actions: Record<string, () => void> = {
        ' ': () => setPlaying((p) => !p),
        PageDown: () => scrollBy(PAGE_STEP),
        ArrowDown: () => scrollBy(LINE_STEP),
        PageUp: () => scrollBy(-PAGE_STEP),
        ArrowUp: () => scrollBy(-LINE_STEP),
        ArrowRight: () => update({ speed: Math.round(Math.min(LIMITS.speed[1], settings.speed * SPEED_STEP)) }),
        ArrowLeft: () => update({ speed: Math.round(Math.max(LIMITS.speed[0], settings.speed / SPEED_STEP)) }),
        Home: () => scrollBy(-1000),
        '+': () => update({ fontSizePx: settings.fontSizePx + 8 }),
        '=': () => update({ fontSizePx: settings.fontSizePx + 8 }),
        '-': () => update({ fontSizePx: settings.fontSizePx - 8 }),
        m: () => update({ mirrorX: !settings.mirrorX }),
        v: () => update({ mirrorY: !settings.mirrorY }),
        t: () => update({ theme: settings.theme === 'dark' ? 'light' : 'dark' }),
        c: () => update({ showClock: !settings.showClock }),
        q: () => update({ showTimer: !settings.showTimer }),
        s: () => setShowSettings((v) => !v),
        h: () => {
          setHelpSeen(false);
          setPinned((p) => !p);
        },
        '?': () => setHelpSeen(false),
        f: () => {
          if (document.fullscreenElement) void document.exitFullscreen();
          else void document.documentElement.requestFullscreen().catch(() => {});
        },
        Escape: () => setShowSettings(false),
      };
      const action = actions[shortcutKey(e)];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [helpSeen, setHelpSeen, settings, update, scrollBy]);

  const stageStyle: React.CSSProperties = {
    transform: mirrorTransform(settings),
    padding: `0 ${settings.marginPct}vw`,
  };
  // The cue and countdown live in their own mirrored layer, above the key map: a mirrored stage is a
  // stacking context, so nothing inside it could rise above an overlay. A vertical flip puts them below.
  const cueLayer = (
    <div className="prompter-cue-layer" style={stageStyle}>
      <CueLine state={state} />
      {(settings.showClock || settings.showTimer) && <SpeakerClock showClock={settings.showClock} showTimer={settings.showTimer} questionId={current?.id ?? null} />}
    </div>
  );
  return (
    <div className={`prompter prompter-${settings.theme}${controlsShown ? '' : ' controls-hidden'}`} data-theme={settings.theme}>
      <header className="prompter-bar" data-testid="prompter-bar" aria-hidden={!controlsShown || undefined}>
        <span>{t('prompter.title')}</span>
        {state.speaker && (
          <span className="prompter-speaker" data-testid="prompter-speaker">
            {state.speaker.name}
            {state.speaker.portfolio ? ` · ${state.speaker.portfolio}` : ''}
          </span>
        )}
        <ConnectionBadge status={status} />
        <span className="prompter-play">{t(playing ? 'prompter.playing' : 'prompter.paused', { speed: settings.speed })}</span>
        <button type="button" onClick={() => setShowSettings((v) => !v)} aria-expanded={showSettings}>
          {t('prompter.settings.open')}
        </button>
        <button type="button" onClick={() => setHelpSeen(false)}>
          {t('prompter.help.open')}
        </button>
        <LanguageSwitcher />
      </header>
      {state.rehearsal && (
        <div className="prompter-rehearsal" role="status" data-testid="prompter-rehearsal">
          {t('prompter.rehearsal')}
        </div>
      )}
      {status === 'offline' && (
        <div className="prompter-offline" role="alert" data-testid="prompter-offline">
          {t('prompter.offline')}
        </div>
      )}
      {!settings.mirrorY && cueLayer}
      <div className="prompter-stage" data-testid="prompter-stage" style={stageStyle}>
        {settings.readingLine && <div className="prompter-reading-line" data-testid="prompter-reading-line" aria-hidden="true" />}
        <div
          className="prompter-scroll"
          ref={scrollRef}
          style={{ fontSize: `${settings.fontSizePx}px`, lineHeight: settings.lineHeight }}
        >
          <main className="prompter-current" data-testid="prompter-current" aria-live="polite">
            {current ? (
              <>
                <p className="prompter-asker">
                  <Asker item={current} />
                </p>
                <p className="prompter-text">{current.text}</p>
              </>
            ) : (
              <p className="prompter-waiting">{t('prompter.waiting')}</p>
            )}
          </main>
        </div>
        {next && (
          <aside className="prompter-next" data-testid="prompter-next">
            <span className="label">{t('prompter.next')}</span> {next.text}
          </aside>
        )}
      </div>
      {settings.mirrorY && cueLayer}
      {showSettings && <PrompterSettingsPanel settings={settings} update={update} onClose={() => setShowSettings(false)} />}
      {!helpSeen && <PrompterHelp onClose={() => setHelpSeen(true)} />}
    </div>
  );
}

function CueLine({ state }: { state: ReceivedPrompterState }): React.JSX.Element | null {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const { countdown, receivedAt } = state;
  useEffect(() => {
    if (!countdown) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [countdown]);
  if (!state.cue && !countdown) return null;
  const left = countdown ? Math.max(0, countdown.remainingMs - (now - receivedAt)) : 0;
  const seconds = Math.ceil(left / 1000);
  return (
    <div className="prompter-cue-line">
      {state.cue && (
        <p className="prompter-cue" data-testid="prompter-cue" role="status">
          {state.cue.kind === 'preset' ? t(`prompter.cue.${state.cue.preset}`) : state.cue.text}
        </p>
      )}
      {countdown && (
        <p
          className={`prompter-countdown${seconds <= COUNTDOWN_URGENT_S ? ' urgent' : seconds <= COUNTDOWN_WARN_S ? ' warning' : ''}`}
          data-testid="prompter-countdown"
          role="timer"
        >
          {`${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`}
        </p>
      )}
    </div>
  );
}

/**
 * The time of day in Almaty and how long the current question has been up on this screen (from
 * when it arrived here: the screen is told what is on air, not since when).
 */
function SpeakerClock({ showClock, showTimer, questionId }: { showClock: boolean; showTimer: boolean; questionId: number | null }): React.JSX.Element {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const [since, setSince] = useState<{ id: number | null; at: number }>(() => ({ id: questionId, at: Date.now() }));
  if (since.id !== questionId) setSince({ id: questionId, at: now });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const up = Math.max(0, Math.floor((now - since.at) / 1000));
  return (
    <p className="prompter-clock" data-testid="prompter-clock">
      {showClock && (
        <span title={t('prompter.settings.showClock')} data-testid="prompter-time">
          {formatCityTime(now, 'HH:mm')}
        </span>
      )}
      {showTimer && questionId !== null && (
        <span title={t('prompter.settings.showTimer')} data-testid="prompter-question-timer">
          {`${Math.floor(up / 60)}:${String(up % 60).padStart(2, '0')}`}
        </span>
      )}
    </p>
  );
}

function Asker({ item }: { item: PrompterItem }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      {item.district
        ? t('prompter.asker', { name: item.askerFirstName, district: t(`district.${item.district}`) })
        : t('prompter.askerNoDistrict', { name: item.askerFirstName })}
      {item.askedBy > 1 && <span className="prompter-asked-by"> · {t('console.askedBy', { count: item.askedBy })}</span>}
    </>
  );
}
