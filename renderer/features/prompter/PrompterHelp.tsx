import { useTranslation } from 'react-i18next';

/** Keys that keyboards, presenter remotes and foot pedals send, and what each does here. */
export const KEY_MAP = [
  ['Space', 'playPause'],
  ['PageDown / ↓', 'forward'],
  ['PageUp / ↑', 'back'],
  ['→ / ←', 'speed'],
  ['Home', 'top'],
  ['+ / −', 'fontSize'],
  ['M / V', 'mirror'],
  ['T', 'theme'],
  ['C / Q', 'clockTimer'],
  ['S', 'settings'],
  ['F', 'fullScreen'],
  ['H', 'help'],
] as const;

export function PrompterHelp({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="prompter-help" role="dialog" aria-labelledby="prompter-help-title" data-testid="prompter-help">
      <h2 id="prompter-help-title">{t('prompter.help.title')}</h2>
      <p>{t('prompter.help.intro')}</p>
      <table>
        <tbody>
          {KEY_MAP.map(([keys, action]) => (
            <tr key={action}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{t(`prompter.help.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary" onClick={onClose} autoFocus>
        {t('prompter.help.close')}
      </button>
    </div>
  );
}
