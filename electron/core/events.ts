import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/protocol';

/** In-process bus: storage-side code emits committed changes, the hub fans them out. */
export class EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  onAny(listener: (name: EventName, payload: unknown) => void): () => void {
    const wrapped = (name: EventName, payload: unknown): void => listener(name, payload);
    this.emitter.on('*', wrapped);
    return () => this.emitter.off('*', wrapped);
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    this.emitter.emit(name, payload);
    this.emitter.emit('*', name, payload);
  }
}
