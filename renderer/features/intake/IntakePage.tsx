import { Tabs } from '@mantine/core';
import { useState } from 'react';
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

type IntakeTab = 'operations' | 'settings';
const tabFromHash = (): IntakeTab => (window.location.hash === '#settings' ? 'settings' : 'operations');

/**
 * The producer's view of every intake door. The live channel table stays on top; daily work (phone-in,
 * CSV) is the default tab, and the rarely touched settings and keys sit apart so a show-time click
 * cannot land on them.
 */
export function IntakePage(): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const status = useConnectionStatus(client);
  const { states, waiting } = useChannels(client);
  const [tab, setTab] = useState(tabFromHash);
  return (
    <div className="intake">
      <header className="topbar">
        <h1>{t('intake.title')}</h1>
        <ConnectionBadge status={status} />
        <AppNav />
        <LanguageSwitcher />
        <ThemeToggle />
      </header>
      <main>
        <ChannelStatusPanel states={states} waiting={waiting} />
        <Tabs
          value={tab}
          onChange={(value) => {
            const next = value === 'settings' ? 'settings' : 'operations';
            setTab(next);
            // Kept in the address so a reload stays on the same tab.
            window.history.replaceState(null, '', next === 'settings' ? '#settings' : window.location.pathname + window.location.search);
          }}
          keepMounted={false}
          className="intake-tabs"
        >
          <Tabs.List>
            <Tabs.Tab value="operations">{t('intake.tabs.operations')}</Tabs.Tab>
            <Tabs.Tab value="settings">{t('intake.tabs.settings')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="operations" className="intake-grid">
            <PhoneInForm client={client} />
            <CsvImport />
          </Tabs.Panel>
          <Tabs.Panel value="settings" className="intake-grid">
            <SettingsPanel client={client} />
            <WebhookKeys client={client} />
          </Tabs.Panel>
        </Tabs>
      </main>
    </div>
  );
}
