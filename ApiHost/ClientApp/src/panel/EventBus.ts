import type { ConversationEvent } from '../api/types';

/** Hands a conversation's events to the panels that follow it (emotions, levels, turn ends). */
export class EventBus {
  private readonly listeners = new Set<(event: ConversationEvent) => void>();

  readonly emit = (event: ConversationEvent) => this.listeners.forEach((l) => l(event));

  subscribe(listener: (event: ConversationEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
