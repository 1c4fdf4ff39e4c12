import type { EventBus } from '../events';
import type { CommandRegistry } from '../commands/registry';
import type { Intake } from '../intake/accept';
import type { Db } from '../store/db';
import { listIntegrations } from '../store/integrations';
import { getNotification, getNotificationSettings } from '../store/notifications';
import { getIntakeSettings } from '../store/settings';
import { registerIntakeCommands } from './commands';
import { registerPhoneCommands } from './phone/command';
import { SENDERS } from './senders';
import { OutboxWorker } from './outboxWorker';
import { whatsappReady } from './settingsView';
import { ChannelStates } from './state';
import { TelegramPoller } from './telegram/poller';

export interface ChannelsDeps {
  db: Db;
  bus: EventBus;
  registry: CommandRegistry;
  intake: Intake;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  /** Public intake requests per IP per minute (the form); webhooks get ten times this. */
  perIpPerMinute: number;
}

/** Every intake door beyond the form's own route: state, Telegram polling, replies, commands. */
export interface Channels {
  db: Db;
  intake: Intake;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  perIpPerMinute: number;
  states: ChannelStates;
  outbox: OutboxWorker;
  telegram: TelegramPoller;
  /** Brings the passive channels' states (form, webhook, WhatsApp…) in line with the settings. */
  refreshStates(): void;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createChannels(deps: ChannelsDeps): Channels {
  const { db, bus, intake, now, log } = deps;
  const settings = () => getIntakeSettings(db);
  const states = new ChannelStates(db, bus, now);
  const notificationsPaused = () => getNotificationSettings(db).paused;
  const outbox = new OutboxWorker({
    db,
    senders: SENDERS,
    now,
    settings,
    log,
    notificationsPaused,
    onChange: (id) => {
      const view = getNotification(db, id, notificationsPaused());
      if (view) bus.emit('notification.changed', view);
    },
  });
  const telegram = new TelegramPoller({ db, intake, states, now, settings, log, onReplies: () => outbox.kick() });

  function refreshStates(): void {
    states.set('web', 'ready');
    states.set('csv', 'ready');
    states.set('phone', 'ready');
    states.set('webhook', listIntegrations(db).some((i) => i.revokedAt === null) ? 'ready' : 'off');
    const wa = states.get('whatsapp');
    if (!whatsappReady(settings())) states.set('whatsapp', 'off');
    else if (wa.status === 'off') states.set('whatsapp', 'ready');
  }

  const channels: Channels = {
    db,
    intake,
    now,
    log,
    perIpPerMinute: deps.perIpPerMinute,
    states,
    outbox,
    telegram,
    refreshStates,
    async start() {
      refreshStates();
      await telegram.restart();
      outbox.kick();
    },
    async close() {
      await telegram.stop();
      await outbox.stop();
      states.close();
    },
  };
  registerIntakeCommands(deps.registry, channels);
  registerPhoneCommands(deps.registry, intake);
  return channels;
}
