import { useTranslation } from 'react-i18next';
import { AppNav } from '../../components/AppNav';
import { ConnectionBadge } from '../../components/ConnectionBadge';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { ThemeToggle } from '../../theme/ThemeToggle';
import { useConnectionStatus, useDeskClient } from '../../components/useDeskClient';
import '../intake/intake.css';
import './handoffs.css';
import { DepartmentsPanel } from './DepartmentsPanel';
import { HandoffBoard } from './HandoffBoard';
import { NotificationsPanel } from './NotificationsPanel';
import { SheetPanel } from './SheetPanel';
import { useHandoffs } from './useHandoffs';
import { useDepartments } from './useDepartments';

/** After the show: hand-offs to departments, department sheets out and answers in, the department directory and the working-day calendar. */
export function HandoffsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const client = useDeskClient('producer');
  const status = useConnectionStatus(client);
  const departments = useDepartments(client);
  const board = useHandoffs(client);
  return (
    <div className="intake handoffs">
      <header className="topbar">
        <h1>{t('handoffs.title')}</h1>
        <ConnectionBadge status={status} />
        <AppNav />
        <LanguageSwitcher />
        <ThemeToggle />
      </header>
      <main className="handoffs-main">
        <HandoffBoard client={client} board={board} departments={departments} />
        <SheetPanel departments={departments} onApplied={board.reload} />
        <NotificationsPanel client={client} />
        <DepartmentsPanel client={client} departments={departments} />
      </main>
    </div>
  );
}
