import { AppError } from '../../../shared/errors';
import type { Hub } from '../hub/hub';
import { createIntegration, listIntegrations, revokeIntegration } from '../store/integrations';
import { getIntakeSettings, saveIntakeSettings } from '../store/settings';
import type { Channels } from '.';
import { applySettingsUpdate, settingsView } from './settingsView';

/** Producer commands of the intake screen: channel state, settings, API keys, phone-in. */
export function registerIntakeCommands(hub: Hub, channels: Channels): void {
  const { db, now, states, intake } = channels;

  hub.register('channel.list', () => ({ items: states.list(), waiting: intake.waiting() }));

  hub.register('intake.getSettings', () => settingsView(getIntakeSettings(db)));

  hub.register('intake.updateSettings', async (update) => {
    const before = getIntakeSettings(db);
    const after = saveIntakeSettings(db, applySettingsUpdate(before, update), now());
    channels.refreshStates();
    if (JSON.stringify(before.telegram) !== JSON.stringify(after.telegram)) await channels.telegram.restart();
    return settingsView(after);
  });

  hub.register('integration.list', () => ({ items: listIntegrations(db) }));

  hub.register('integration.create', ({ name }) => {
    const created = createIntegration(db, name, now());
    channels.refreshStates();
    return created;
  });

  hub.register('integration.revoke', ({ id }) => {
    const integration = revokeIntegration(db, id, now());
    if (!integration) throw new AppError('not_found');
    channels.refreshStates();
    return integration;
  });

  hub.register('phone.add', async (entry) => {
    const { reference, created } = await intake.accept({
      channel: 'phone',
      externalId: entry.entryId,
      senderName: entry.name,
      senderContact: entry.phone || null,
      district: entry.district,
      topic: entry.topic || null,
      language: entry.language ?? null,
      text: entry.text,
      meta: { takenBy: 'producer' },
    });
    return { reference, created };
  });
}
