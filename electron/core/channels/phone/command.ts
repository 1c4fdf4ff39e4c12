import type { CommandRegistry } from '../../commands/registry';
import type { Intake } from '../../intake/accept';

/** Phone-in: a producer types a caller's question in (`phone.add`); it enters the shared intake. */
export function registerPhoneCommands(registry: CommandRegistry, intake: Intake): void {
  registry.register('phone.add', async (entry) => {
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
