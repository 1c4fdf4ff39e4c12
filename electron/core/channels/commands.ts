import { AppError } from '../../../shared/errors';
import type { CommandRegistry } from '../commands/registry';
import { createIntegration, listIntegrations, revokeIntegration } from '../store/integrations';
import { getIntakeSettings, saveIntakeSettings } from '../store/settings';
import type { Channels } from '.';
import { applySettingsUpdate, settingsView } from './settingsView';

/** Producer commands of the intake screen: channel state, settings, API keys. */
export function registerIntakeCommands(registry: CommandRegistry, channels: Channels): void {
  const { db, now, states, intake } = channels;

  registry.register('channel.list', () => ({ items: states.list(), waiting: intake.waiting() }));

  registry.register('intake.getSettings', () => settingsView(getIntakeSettings(db)));

  registry.register('intake.updateSettings', async (update) => {
    const before = getIntakeSettings(db);
    const after = saveIntakeSettings(db, applySettingsUpdate(before, update), now());
    channels.refreshStates();
    if (JSON.stringify(before.telegram) !== JSON.stringify(after.telegram)) await channels.telegram.restart();
    return settingsView(after);
  });

  registry.register('integration.list', () => ({ items: listIntegrations(db) }));

  registry.register('integration.create', ({ name }) => {
    const created = createIntegration(db, name, now());
    channels.refreshStates();
    return created;
  });

  registry.register('integration.revoke', ({ id }) => {
    const integration = revokeIntegration(db, id, now());
    if (!integration) throw new AppError('not_found');
    channels.refreshStates();
    return integration;
  });
}
