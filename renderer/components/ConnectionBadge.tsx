import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../api';

export function ConnectionBadge({ status }: { status: ConnectionStatus }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className={`connection connection-${status}`} role="status" data-status={status}>
      {t(`connection.${status}`)}
    </span>
  );
}
