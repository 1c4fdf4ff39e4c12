import { useTranslation } from 'react-i18next';
import { setMode } from './consoleState';

/** Every shortcut, in the order a producer works; the same list drives the key handler's docs. */
export const SHORTCUTS = [
  ['j / ↓', 'next'],
  ['k / ↑', 'previous'],
  ['x', 'select'],
  ['a', 'approve'],
  ['r, 1–5', 'reject'],
  ['e', 'edit'],
  ['m', 'merge'],
  ['q', 'queue'],
  ['o', 'onAir'],
  ['s', 'suggestions'],
  ['g', 'split'],
  ['u / Ctrl+Z', 'undo'],
  ['/', 'search'],
  ['?', 'help'],
  ['Esc', 'escape'],
] as const satisfies ReadonlyArray<readonly [keys: string, what: string]>;

export function HelpOverlay(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={() => setMode('none')}>
      <div className="help-card" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('console.help.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={what}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{t(`console.help.${what}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={() => setMode('none')}>
          {t('console.help.close')}
        </button>
      </div>
    </div>
  );
}
