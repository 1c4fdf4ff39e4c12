import { describe, expect, it } from 'vitest';
import { clientMessageSchema, commands, events, formatCursor, parseCursor, serverMessageSchema } from '../../shared/protocol';

describe('protocol schemas', () => {
  it('parses every kind of server message', () => {
    const messages = [
      { type: 'hello', role: 'speaker', serverTime: 1, cursor: { epoch: 'k2x9', seq: 0 }, resumed: false },
      { type: 'reply', id: 1, ok: true, value: { items: [] } },
      { type: 'reply', id: 2, ok: false, error: { code: 'stale', message: 'x', current: {} } },
      { type: 'event', name: 'prompter.state', payload: { current: null, next: null }, seq: 3 },
      { type: 'events', items: [{ name: 'intake.waiting', payload: { waiting: 2 }, seq: 4 }, { name: 'intake.waiting', payload: { waiting: 0 }, seq: 5 }] },
    ];
    for (const m of messages) expect(serverMessageSchema.parse(m)).toEqual(m);
  });

  it('rejects messages of unknown shape', () => {
    expect(serverMessageSchema.safeParse({ type: 'reply', id: 1, ok: false, error: { code: 'nope', message: '' } }).success).toBe(false);
    expect(serverMessageSchema.safeParse({ type: 'shout' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'command', id: 'x', name: 'a' }).success).toBe(false);
  });

  it('reads back the resume cursor it writes, and nothing else', () => {
    expect(parseCursor(formatCursor({ epoch: 'k2x9-1', seq: 41 }))).toEqual({ epoch: 'k2x9-1', seq: 41 });
    for (const bad of [undefined, '', 'k2x9', 'k2x9.', '.4', 'k2x9.-1', 'k 2.4', 'a.1.2']) expect(parseCursor(bad)).toBeNull();
  });

  it('names commands and events domain.verb', () => {
    for (const name of [...Object.keys(commands), ...Object.keys(events)]) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
    }
  });
});
