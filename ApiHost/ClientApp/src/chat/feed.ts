import type { ConversationEvent, Message } from '../api/types';

/**
 * The messages of one conversation as a snapshot (GET messages) plus the events after it, applied so that nothing
 * is shown twice or lost: events at or below `lastSeq` are skipped, and chunks are only appended to replies whose
 * `message_start` this feed saw (a reply caught mid-stream in the snapshot is rebuilt from its start, or shown as
 * the snapshot had it until its `message_complete` replaces it).
 */
export interface Feed {
  messages: Message[];
  lastSeq: number;
  started: ReadonlySet<string>;
}

/**
 * `lastSeq` must be read before the snapshot. When a reply was mid-stream in the snapshot the feed starts from 0,
 * so joining replays the server's buffer and the reply is rebuilt from its `message_start`.
 */
export function feedFrom(snapshot: Message[], lastSeq: number): Feed {
  const messages = [...snapshot].sort((a, b) => a.index - b.index);
  return { messages, lastSeq: messages.some((m) => m.status === 'streaming') ? 0 : lastSeq, started: new Set() };
}

export function apply(feed: Feed, event: ConversationEvent): Feed {
  if (event.type === 'resync') return feed;
  if (event.seq <= feed.lastSeq) return feed;
  const next = { ...feed, lastSeq: event.seq };
  switch (event.type) {
    case 'message_start': {
      const known = feed.messages.find((m) => m.id === event.messageId);
      if (known ? known.status !== 'streaming' : olderThanPage(feed, event.index)) return next;
      const started = new Set(feed.started).add(event.messageId);
      const message: Message = {
        id: event.messageId,
        conversationId: event.conversationId,
        index: event.index,
        speakerKind: event.speakerKind,
        speakerId: event.speakerId,
        speakerName: event.speakerName,
        content: '',
        status: 'streaming',
        createdAt: event.at,
      };
      return { ...next, started, messages: upsert(feed.messages, message) };
    }
    case 'message_chunk': {
      if (!feed.started.has(event.messageId)) return next;
      return {
        ...next,
        messages: feed.messages.map((m) => (m.id === event.messageId && m.status === 'streaming' ? { ...m, content: m.content + event.delta } : m)),
      };
    }
    case 'message_complete': {
      const known = feed.messages.some((m) => m.id === event.message.id);
      return known || !olderThanPage(feed, event.message.index) ? { ...next, messages: upsert(feed.messages, event.message) } : next;
    }
    case 'error':
      return event.messageId
        ? { ...next, messages: feed.messages.map((m) => (m.id === event.messageId ? { ...m, error: event.message } : m)) }
        : next;
    default:
      return next;
  }
}

/** Older messages loaded with `before`, put in front. */
export function prepend(feed: Feed, older: Message[]): Feed {
  const known = new Set(feed.messages.map((m) => m.id));
  return { ...feed, messages: [...older.filter((m) => !known.has(m.id)), ...feed.messages].sort((a, b) => a.index - b.index) };
}

/** A replayed message older than the page shown stays out of it (the reader loads older pages on request). */
function olderThanPage(feed: Feed, index: number): boolean {
  return feed.messages.length > 0 && index < feed.messages[0].index;
}

function upsert(messages: Message[], message: Message): Message[] {
  const at = messages.findIndex((m) => m.id === message.id);
  if (at >= 0) return messages.map((m, i) => (i === at ? message : m));
  return [...messages, message].sort((a, b) => a.index - b.index);
}
