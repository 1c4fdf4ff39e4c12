import type { EventBus } from '../events';
import { insertAudit } from '../store/audit';
import type { Db } from '../store/db';
import { AppError } from '../../../shared/errors';
import { cancelNotificationsOf, getNotification, getNotificationSettings, listNotifications, saveNotificationSettings } from '../store/notifications';
import { resendNotification } from '../store/outbox';
import type { CommandRegistry } from './registry';

export interface NotificationDeps {
  db: Db;
  bus: EventBus;
  now: () => number;
  /** Tells the outbox worker something may be due. */
  kick: () => void;
}

/**
 * What citizens are told, as producers follow it: the list per question (and the newest of all),
 * holding and releasing notifications, and the live feed. Messages are queued by the steps
 * themselves (notifications/notify.ts) inside their transactions; this publishes them once
 * committed, and cancels a rejected question's messages that have not gone.
 */
export function registerNotificationCommands(registry: CommandRegistry, deps: NotificationDeps): void {
  const { db, bus } = deps;
  const paused = () => getNotificationSettings(db).paused;
  const publishFor = (questionId: number) => {
    const held = paused();
    for (const view of listNotifications(db, questionId, held)) {
      if (view.state !== 'sent' && view.state !== 'failed') bus.emit('notification.changed', view);
    }
    deps.kick();
  };

  bus.on('question.updated', (question) => {
    if (question.status === 'rejected') {
      if (cancelNotificationsOf(db, question.id).length > 0) publishFor(question.id);
    } else if (question.status === 'answered' || question.status === 'handed_off') {
      publishFor(question.id);
    }
  });
  bus.on('handoff.changed', (handoff) => {
    if (handoff.status === 'answered') publishFor(handoff.questionId);
  });

  registry.register('notification.list', ({ questionId }) => {
    const settings = getNotificationSettings(db);
    return { items: listNotifications(db, questionId, settings.paused), settings };
  });

  registry.register('notification.pause', (settings, ctx) => {
    const before = getNotificationSettings(db);
    db.transaction(() => {
      saveNotificationSettings(db, settings, deps.now());
      insertAudit(db, {
        at: deps.now(),
        actor: ctx.actor,
        action: settings.paused ? 'notification.pause' : 'notification.resume',
        entity: 'setting',
        entityId: 0,
        before,
        after: settings,
      });
    })();
    bus.emit('notification.settings', settings);
    // Held messages go now, in the order they were queued.
    if (!settings.paused) deps.kick();
    return settings;
  });

  // At most once is the outbox's rule; sending one that may have arrived again is a person's call.
  registry.register('notification.resend', ({ id }, ctx) => {
    const before = getNotification(db, id, paused());
    if (!before) throw new AppError('not_found');
    const view = db.transaction(() => {
      if (!resendNotification(db, id, deps.now())) throw new AppError('invalid_transition', { messageKey: 'notifications.notResendable' });
      insertAudit(db, { at: deps.now(), actor: ctx.actor, action: 'notification.resend', entity: 'outbox', entityId: id, before: { state: before.state, lastError: before.lastError } });
      return getNotification(db, id, paused())!;
    })();
    bus.emit('notification.changed', view);
    deps.kick();
    return view;
  });
}
