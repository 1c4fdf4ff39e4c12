import { useTranslation } from 'react-i18next';
import { AppNav } from '../../components/AppNav';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ThemeToggle } from '../../theme/ThemeToggle';
import { useConnectionStatus, useDeskClient } from '../../components/useDeskClient';
import { ChannelStatusPanel } from './ChannelStatusPanel';
import { CsvImport } from './CsvImport';
import './intake.css';
import { PhoneInForm } from './PhoneInForm';
import { SettingsPanel } from './SettingsPanel';
import { useChannels } from './useChannels';
import { WebhookKeys } from './WebhookKeys';

/** The producer's view of every intake door: live state, phone-in, CSV import, settings and keys. */
export function IntakePage(): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const status = useConnectionStatus(client);
  const { states, waiting } = useChannels(client);
  return (
    <div className="intake">
      <header className="topbar">
        <h1>{t('intake.title')}</h1>
        <ConnectionBadge status={status} />
        <AppNav />
        <LanguageSwitcher />
        <ThemeToggle />
      </header>
      <main className="intake-grid">
        <ChannelStatusPanel states={states} waiting={waiting} />
        <PhoneInForm client={client} />
        <CsvImport />
        <SettingsPanel client={client} />
        <WebhookKeys client={client} />
      </main>
    </div>
  );
}
