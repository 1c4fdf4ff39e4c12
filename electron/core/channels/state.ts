import { CHANNELS, type Channel } from '../../../shared/domain';
import type { ChannelState, ChannelStatus } from '../../../shared/protocol';
import type { EventBus } from '../events';
import { channelTraffic, listChannelStates, saveChannelState } from '../store/channels';
import type { Db } from '../store/db';

/** Count changes are pushed at most this often per channel; status changes go out at once. */
const TRAFFIC_PUSH_MS = 200;

/**
 * Every channel's health and traffic, kept in memory for the console and pushed live as
 * `channel.state`. Status survives restarts in `channel_state`; counts come from the questions.
 */
export class ChannelStates {
  private readonly states = new Map<Channel, ChannelState>();
  private readonly cursors = new Map<Channel, string | null>();
  private readonly pushTimers = new Map<Channel, NodeJS.Timeout>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly now: () => number,
  ) {
    const stored = new Map(listChannelStates(db).map((s) => [s.channel, s]));
    const traffic = new Map(channelTraffic(db).map((t) => [t.channel, t]));
    for (const channel of CHANNELS) {
      const s = stored.get(channel);
      const t = traffic.get(channel);
      this.cursors.set(channel, s?.cursor ?? null);
      this.states.set(channel, {
        channel,
        // Live connections start over: a stored "connected" from before a restart proves nothing.
        status: s && s.status !== 'connected' && s.status !== 'connecting' ? s.status : 'off',
        error: s?.error ?? null,
        lastMessageAt: t?.lastMessageAt ?? null,
        count: t?.count ?? 0,
        changedAt: s?.changedAt ?? now(),
      });
    }
    this.unsubscribe = bus.on('question.created', (q) => {
      const state = this.states.get(q.channel);
      if (!state) return;
      state.count += 1;
      state.lastMessageAt = Math.max(state.lastMessageAt ?? 0, q.receivedAt);
      this.schedulePush(q.channel);
    });
  }

  list(): ChannelState[] {
    return CHANNELS.map((c) => ({ ...this.states.get(c)! }));
  }

  get(channel: Channel): ChannelState {
    return { ...this.states.get(channel)! };
  }

  /** Records a health change (persisted, pushed); repeating the current status is a no-op. */
  set(channel: Channel, status: ChannelStatus, error: string | null = null): void {
    const state = this.states.get(channel)!;
    if (state.status === status && state.error === error) return;
    state.status = status;
    state.error = error;
    state.changedAt = this.now();
    this.persist(channel);
    this.push(channel);
  }

  setCursor(channel: Channel, cursor: string): void {
    this.cursors.set(channel, cursor);
    this.persist(channel);
  }

  cursor(channel: Channel): string | null {
    return this.cursors.get(channel) ?? null;
  }

  close(): void {
    this.unsubscribe();
    for (const timer of this.pushTimers.values()) clearTimeout(timer);
    this.pushTimers.clear();
  }

  private persist(channel: Channel): void {
    const s = this.states.get(channel)!;
    saveChannelState(this.db, {
      channel,
      status: s.status,
      error: s.error,
      cursor: this.cursors.get(channel) ?? null,
      changedAt: s.changedAt,
    });
  }

  private schedulePush(channel: Channel): void {
    if (this.pushTimers.has(channel)) return;
    const timer = setTimeout(() => this.push(channel), TRAFFIC_PUSH_MS);
    timer.unref();
    this.pushTimers.set(channel, timer);
  }

  private push(channel: Channel): void {
    const timer = this.pushTimers.get(channel);
    if (timer) clearTimeout(timer);
    this.pushTimers.delete(channel);
    this.bus.emit('channel.state', this.get(channel));
  }
}
