import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../../electron/core/commands/registry';
import { commands, events, ROLES, type CommandName } from '../../../shared/protocol';
import { startTestCore, type TestCore } from '../../helpers/core';

describe('the command registry', () => {
  let core: TestCore;
  beforeAll(async () => {
    core = await startTestCore();
  });
  afterAll(() => core.stop());

  it('has a handler for every command the protocol declares', () => {
    expect(core.registry.missing()).toEqual([]);
  });

  it('declares a non-empty list of known roles for every command and every event', () => {
    for (const [name, def] of [...Object.entries(commands), ...Object.entries(events)]) {
      expect(def.roles.length, name).toBeGreaterThan(0);
      for (const role of def.roles) expect(ROLES, `${name}: ${role}`).toContain(role);
    }
  });

  it('refuses a role the command does not list before the handler runs', async () => {
    const registry = new CommandRegistry();
    let ran = 0;
    registry.register('question.approve', () => {
      ran++;
      throw new Error('must not run');
    });
    await expect(registry.run('question.approve', { id: 1, version: 1 }, { role: 'speaker', actor: 't', connection: 0 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(registry.run('no.such', {}, { role: 'admin', actor: 't', connection: 0 })).rejects.toMatchObject({ code: 'unknown_command' });
    await expect(registry.run('question.approve', { id: 'x' }, { role: 'producer', actor: 't', connection: 0 })).rejects.toMatchObject({ code: 'validation', options: { field: 'id' } });
    expect(ran).toBe(0);
  });

  it('runs a command the same way for any door, with the caller as context', async () => {
    const value = await core.registry.run('prompter.get', {}, { role: 'graphics', actor: 'graphics PC', connection: 0 });
    expect(value).toEqual(expect.objectContaining({ current: null, next: null }));
  });

  it('refuses a second handler for the same name', () => {
    const registry = new CommandRegistry();
    const name: CommandName = 'view.list';
    registry.register(name, () => ({ items: [] }));
    expect(() => registry.register(name, () => ({ items: [] }))).toThrow(/twice/);
  });
});
