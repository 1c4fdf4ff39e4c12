import type { EventBus } from '../events';
import type { CommandRegistry } from './registry';

/**
 * A remote's scroll (a button panel, a pedal on another PC) is a movement, not state: every open
 * teleprompter applies it as if its own key had been pressed, and nothing is stored.
 */
export function registerPrompterScroll(registry: CommandRegistry, bus: EventBus): void {
  registry.register('prompter.scroll', ({ action }) => {
    bus.emit('prompter.scroll', { action });
    return { action };
  });
}
