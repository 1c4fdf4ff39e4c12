import { useTranslation } from 'react-i18next';
import type { PrompterItem } from '../../../shared/protocol';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { useConnectionStatus, useDeskClient } from '../../components/useDeskClient';
import { usePrompter } from './usePrompter';

export function PrompterPage(): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('speaker');
  const status = useConnectionStatus(client);
  const { current, next } = usePrompter(client);
  return (
    <div className="prompter">
      <header className="prompter-bar">
        <span>{t('prompter.title')}</span>
        <ConnectionBadge status={status} />
        <LanguageSwitcher />
      </header>
      <main className="prompter-current" data-testid="prompter-current" aria-live="polite">
        {current ? (
          <>
            <p className="prompter-text">{current.text}</p>
            <p className="prompter-asker">
              <Asker item={current} />
            </p>
          </>
        ) : (
          <p className="prompter-waiting">{t('prompter.waiting')}</p>
        )}
      </main>
      {next && (
        <aside className="prompter-next" data-testid="prompter-next">
          <span className="label">{t('prompter.next')}</span> {next.text}
        </aside>
      )}
    </div>
  );
}

function Asker({ item }: { item: PrompterItem }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      {item.district
        ? t('prompter.asker', { name: item.askerFirstName, district: t(`district.${item.district}`) })
        : t('prompter.askerNoDistrict', { name: item.askerFirstName })}
    </>
  );
}
