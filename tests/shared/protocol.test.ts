import { describe, expect, it } from 'vitest';
import { clientMessageSchema, commands, events, serverMessageSchema } from '../../shared/protocol';

describe('protocol schemas', () => {
  it('parses every kind of server message', () => {
    const messages = [
      { type: 'hello', role: 'speaker', serverTime: 1 },
      { type: 'reply', id: 1, ok: true, value: { items: [] } },
      { type: 'reply', id: 2, ok: false, error: { code: 'stale', message: 'x', current: {} } },
      { type: 'event', name: 'prompter.state', payload: { current: null, next: null } },
    ];
    for (const m of messages) expect(serverMessageSchema.parse(m)).toEqual(m);
  });

  it('rejects messages of unknown shape', () => {
    expect(serverMessageSchema.safeParse({ type: 'reply', id: 1, ok: false, error: { code: 'nope', message: '' } }).success).toBe(false);
    expect(serverMessageSchema.safeParse({ type: 'shout' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'command', id: 'x', name: 'a' }).success).toBe(false);
  });

  it('names commands and events domain.verb', () => {
    for (const name of [...Object.keys(commands), ...Object.keys(events)]) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
    }
  });
});
