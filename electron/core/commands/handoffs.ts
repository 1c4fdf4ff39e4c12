import { AppError } from '../../../shared/errors';
import type { CommandRegistry } from './registry';
import { cityToday } from '../handoffs/dueDates';
import { changeHandoff, publishHandoff, publishHandoffsAfterCommit, type HandoffDeps } from '../handoffs/lifecycle';
import { handoffView } from '../handoffs/view';
import { insertAudit } from '../store/audit';
import { getCalendarDay, listCalendarDays, loadWorkingCalendar, removeCalendarDay, saveCalendarDay } from '../store/calendar';
import { listHandoffs } from '../store/handoffs';

/** The hand-off board and the working-day calendar its due dates count in. */
export function registerHandoffCommands(registry: CommandRegistry, deps: HandoffDeps): void {
  const { db } = deps;
  publishHandoffsAfterCommit(deps);

  registry.register('handoff.board', ({ departmentId }) => {
    const calendar = loadWorkingCalendar(db);
    const today = cityToday(deps.now());
    return { items: listHandoffs(db, departmentId).map((r) => handoffView(r, calendar, today)), today };
  });

  registry.register('handoff.update', (input, ctx) => {
    const record = db.transaction(() => changeHandoff(deps, input, ctx.actor))();
    const view = publishHandoff(deps, record.id);
    if (!view) throw new AppError('not_found');
    return view;
  });

  const year = (day: string): number => Number(day.slice(0, 4));
  const calendarOf = (y: number) => ({ year: y, days: listCalendarDays(db, y) });

  registry.register('calendar.list', ({ year: y }) => calendarOf(y));

  registry.register('calendar.save', ({ day, kind, name }, ctx) => {
    db.transaction(() => {
      const before = getCalendarDay(db, day);
      saveCalendarDay(db, { day, kind, name }, deps.now());
      insertAudit(db, {
        at: deps.now(),
        actor: ctx.actor,
        action: 'calendar.save',
        entity: 'calendar_day',
        entityId: Number(day.replaceAll('-', '')),
        ...(before ? { before } : {}),
        after: { day, kind, name },
      });
    })();
    return calendarOf(year(day));
  });

  registry.register('calendar.remove', ({ day }, ctx) => {
    db.transaction(() => {
      const before = getCalendarDay(db, day);
      if (!before || !removeCalendarDay(db, day)) throw new AppError('not_found');
      insertAudit(db, {
        at: deps.now(),
        actor: ctx.actor,
        action: 'calendar.remove',
        entity: 'calendar_day',
        entityId: Number(day.replaceAll('-', '')),
        before,
      });
    })();
    return calendarOf(year(day));
  });
}
