import type { Retention } from '../privacy/retention';
import type { CommandRegistry } from './registry';

/** The retention period of senders' personal data: producers read it, the desk machine sets it. */
export function registerPrivacyCommands(registry: CommandRegistry, retention: Retention): void {
  registry.register('privacy.get', () => retention.settings());
  registry.register('privacy.configure', async (settings, ctx) => {
    await retention.configure(settings, ctx.actor);
    return retention.settings();
  });
}
