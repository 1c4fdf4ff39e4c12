import { AppError } from '../../../shared/errors';
import type { EventBus } from '../events';
import type { CommandRegistry } from './registry';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import { departmentIdByCode, getDepartmentEntry, listDepartmentDirectory, saveDepartment } from '../store/departments';

export interface DepartmentDeps {
  db: Db;
  bus: EventBus;
  now: () => number;
}

/** The department directory: read by every producer screen, edited on the hand-offs screen. */
export function registerDepartmentCommands(registry: CommandRegistry, deps: DepartmentDeps): void {
  const { db } = deps;

  registry.register('department.directory', () => ({ items: listDepartmentDirectory(db) }));

  registry.register('department.save', (input, ctx) => {
    db.transaction(() => {
      const holder = departmentIdByCode(db, input.code);
      if (holder !== null && holder !== input.id) {
        throw new AppError('validation', { field: 'code', messageKey: 'handoffs.error.codeTaken' });
      }
      const before = input.id === undefined ? undefined : getDepartmentEntry(db, input.id);
      if (before === null) throw new AppError('not_found');
      // The code is in every reference already given to citizens: it never changes once used.
      if (before && before.code !== input.code) {
        throw new AppError('validation', { field: 'code', messageKey: 'handoffs.error.codeFixed' });
      }
      const id = saveDepartment(db, input, deps.now());
      if (id === null) throw new AppError('not_found');
      insertAudit(db, {
        at: deps.now(),
        actor: ctx.actor,
        action: input.id === undefined ? 'department.create' : 'department.edit',
        entity: 'department',
        entityId: id,
        ...(before ? { before } : {}),
        after: getDepartmentEntry(db, id),
      });
    })();
    const directory = { items: listDepartmentDirectory(db) };
    deps.bus.emit('department.changed', directory);
    return directory;
  });
}
