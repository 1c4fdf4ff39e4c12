import './airControl.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AIR_UNDO_MS, type Question } from '../../shared/protocol';
import { shortcutKey } from '../../shared/shortcutKey';
import { CommandError, type DeskClient } from '../api';

interface Ref {
  id: number;
  version: number;
}

export interface AirControl {
  /** Puts a question on air; if another one is on air, the producer is asked to confirm first. */
  putOnAir(ref: Ref): void;
  /** After a successful on-air change made elsewhere (take next): offers its undo for a few seconds. */
  offerUndo(): void;
  /** The confirm dialog and the undo notice, to render once on the screen. */
  view: React.JSX.Element;
}

/**
 * The rules of air as a producer meets them, the same on every screen: replacing what is on air
 * asks for confirmation (the core refuses it otherwise), and every on-air change can be taken back
 * for a few seconds (button or `Z`), as `show.undo` allows.
 */
export function useAirControl(client: DeskClient, onError: (error: unknown) => void): AirControl {
  const { t } = useTranslation();
  const [replacing, setReplacing] = useState<{ ref: Ref; current: Question | null } | null>(null);
  const [undoable, setUndoable] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Read at call time, so the functions below stay the same across renders.
  const failed = useRef(onError);
  useEffect(() => {
    failed.current = onError;
  }, [onError]);

  const offerUndo = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    setUndoable(true);
    timer.current = setTimeout(() => setUndoable(false), AIR_UNDO_MS);
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const send = useCallback(
    (ref: Ref, confirm: boolean) => {
      client.send('question.putOnAir', { ...ref, confirm }).then(offerUndo, (error: unknown) => {
        if (!confirm && error instanceof CommandError && error.error.messageKey === 'rundown.error.replaceOnAir') {
          setReplacing({ ref, current: (error.error.current as Question | undefined) ?? null });
        } else failed.current(error);
      });
    },
    [client, offerUndo],
  );
  const putOnAir = useCallback((ref: Ref) => send(ref, false), [send]);

  const undo = useCallback(() => {
    setUndoable(false);
    client.send('show.undo', {}).catch((error: unknown) => failed.current(error));
  }, [client]);

  useEffect(() => {
    if (!undoable) return;
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (shortcutKey(e) === 'z') {
        e.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoable, undo]);

  // While the producer decides, the screen behind gets no keys (its shortcuts would act on questions); Escape cancels.
  const confirming = replacing !== null;
  useEffect(() => {
    if (!confirming) return;
    const onKey = (e: KeyboardEvent): void => {
      if (shortcutKey(e) === 'Escape') setReplacing(null);
      const inside = e.target instanceof Element && e.target.closest('.air-confirm');
      if (!inside) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [confirming]);

  const view = (
    <>
      {replacing && (
        <div
          className="air-confirm"
          role="alertdialog"
          aria-labelledby="air-confirm-title"
          aria-modal="true"
          onKeyDown={(e) => {
            // Enter and Space work the focused button; nothing reaches the screen's shortcuts.
            e.stopPropagation();
            if (shortcutKey(e) === 'Escape') setReplacing(null);
          }}
        >
          <div className="air-confirm-card">
            <h2 id="air-confirm-title">{t('rundown.air.replaceTitle')}</h2>
            {replacing.current && <p className="air-confirm-current">{replacing.current.airText}</p>}
            <p>{t('rundown.air.replaceBody')}</p>
            <div className="air-confirm-actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setReplacing(null);
                  send(replacing.ref, true);
                }}
              >
                {t('rundown.air.replace')}
              </button>
              <button type="button" autoFocus onClick={() => setReplacing(null)}>
                {t('rundown.air.cancel')}
              </button>
            </div>
          </div>
        </div>
      )}
      {undoable && (
        <div className="air-undo" role="status">
          <span>{t('rundown.air.changed')}</span>
          <button type="button" onClick={undo}>
            {t('rundown.air.undo')}
          </button>
        </div>
      )}
    </>
  );

  return { putOnAir, offerUndo, view };
}
