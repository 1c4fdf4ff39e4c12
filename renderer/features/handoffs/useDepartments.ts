import { useCallback, useEffect, useState } from 'react';
import type { DepartmentEntry } from '../../../shared/protocol';
import type { DeskClient } from '../../api';
import { useOnConnect } from '../../components/useDeskClient';

/** The department directory, loaded on every (re)connection and replaced when anyone edits it. */
export function useDepartments(client: DeskClient): DepartmentEntry[] {
  const [items, setItems] = useState<DepartmentEntry[]>([]);
  const load = useCallback(() => {
    client.send('department.directory', {}).then((r) => setItems(r.items), () => {});
  }, [client]);
  useOnConnect(client, load);
  useEffect(() => client.on('department.changed', (r) => setItems(r.items)), [client]);
  return items;
}
