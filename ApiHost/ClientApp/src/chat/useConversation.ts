import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/http';
import { connected, hubErrorText, onLink } from '../api/hub';
import type { Conversation, ConversationEvent, Message } from '../api/types';
import { apply, feedFrom, prepend, type Feed } from './feed';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface ConversationState {
  conversation: Conversation | undefined;
  feed: Feed | undefined;
  hasMore: boolean;
  error: unknown;
  link: ConnectionState;
  typing: string[];
  send: (content: string) => Promise<void>;
  interrupt: () => Promise<void>;
  typed: () => void;
  loadOlder: () => Promise<void>;
  retry: () => void;
  setConversation: (c: Conversation) => void;
}

export const liveMark = 'llmmultichat:conversation-live';
const typingShownMs = 4000;
const typingSentEveryMs = 3000;

/**
 * One conversation, live: the snapshot (conversation first, for `lastSeq`, then the newest messages), then the
 * hub's events from that seq, applied once per animation frame; joins again with the last seq seen after the hub
 * reconnects, and reloads on `resync`. `onEvent` sees every event (the side panel follows emotions and levels).
 */
export function useConversation(id: string, onEvent: (event: ConversationEvent) => void): ConversationState {
  const [conversation, setConversation] = useState<Conversation>();
  const [feed, setFeed] = useState<Feed>();
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [link, setLink] = useState<ConnectionState>('connecting');
  const [typing, setTyping] = useState<string[]>([]);
  const [round, setRound] = useState(0);
  const feedRef = useRef<Feed | undefined>(undefined);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const lastTypingSent = useRef(0);

  useEffect(() => {
    let live = true;
    let hub: HubConnection | undefined;
    let pending: ConversationEvent[] = [];
    let frame = 0;
    const typingTimers = new Map<string, number>();
    feedRef.current = undefined;
    setFeed(undefined);
    setConversation(undefined);
    setError(null);
    setLink('connecting');

    const flush = () => {
      frame = 0;
      let next = feedRef.current;
      if (!next) return;
      for (const event of pending) next = apply(next, event);
      pending = [];
      feedRef.current = next;
      setFeed(next);
    };

    const onHubEvent = (event: ConversationEvent) => {
      if (event.conversationId !== id || !live) return;
      if (event.type === 'resync') {
        void load();
        return;
      }
      onEventRef.current(event);
      pending.push(event);
      frame ||= requestAnimationFrame(flush);
    };

    const onTyping = (notice: { conversationId: string; name: string }) => {
      if (notice.conversationId !== id) return;
      window.clearTimeout(typingTimers.get(notice.name));
      typingTimers.set(notice.name, window.setTimeout(() => {
        typingTimers.delete(notice.name);
        setTyping([...typingTimers.keys()]);
      }, typingShownMs));
      setTyping([...typingTimers.keys()]);
    };

    const join = async () => {
      if (!hub || !feedRef.current) return;
      await hub.invoke('Join', id, feedRef.current.lastSeq);
      if (!live) return;
      setLink('live');
      // The first-load budget is measured to here (the page shows the conversation and follows it).
      performance.mark(liveMark);
    };

    const stopFollowingLink = onLink((state) => {
      if (!live) return;
      if (state === 'reconnecting') setLink('reconnecting');
      else if (state === 'closed') setLink('offline');
      else void join().catch((e: unknown) => live && setError(new Error(hubErrorText(e))));
    });

    async function load() {
      // The hub connects while the snapshot loads; joining waits for both.
      const hubReady = connected();
      hubReady.catch(() => undefined);
      try {
        const c = await api<Conversation>(`/conversations/${encodeURIComponent(id)}`);
        const page = await api<{ messages: Message[]; hasMore: boolean }>(`/conversations/${encodeURIComponent(id)}/messages?limit=50`);
        if (!live) return;
        pending = [];
        feedRef.current = feedFrom(page.messages, c.lastSeq);
        setConversation(c);
        setHasMore(page.hasMore);
        setFeed(feedRef.current);
        hub ??= await hubReady;
        if (!live) return;
        hub.off('event', onHubEvent);
        hub.on('event', onHubEvent);
        await join();
      } catch (e) {
        if (live) {
          setError(e instanceof Error && !('status' in e) ? new Error(hubErrorText(e)) : e);
          setLink('offline');
        }
      }
    }

    void (async () => {
      await load();
      if (!hub || !live) return;
      hub.on('typing', onTyping);
    })();

    return () => {
      live = false;
      stopFollowingLink();
      cancelAnimationFrame(frame);
      typingTimers.forEach((t) => window.clearTimeout(t));
      if (hub) {
        hub.off('event', onHubEvent);
        hub.off('typing', onTyping);
        if (hub.state === HubConnectionState.Connected) void hub.invoke('Leave', id).catch(() => undefined);
      }
    };
  }, [id, round]);

  return {
    conversation,
    feed,
    hasMore,
    error,
    link,
    typing,
    retry: () => setRound((r) => r + 1),
    setConversation,
    send: async (content) => {
      const hub = await connected();
      try {
        await hub.invoke('Send', id, content, null);
      } catch (e) {
        throw new Error(hubErrorText(e));
      }
    },
    interrupt: async () => {
      const hub = await connected();
      await hub.invoke('Interrupt', id).catch((e: unknown) => {
        throw new Error(hubErrorText(e));
      });
    },
    typed: () => {
      if (Date.now() - lastTypingSent.current < typingSentEveryMs) return;
      lastTypingSent.current = Date.now();
      void connected().then((hub) => hub.invoke('Typing', id)).catch(() => undefined);
    },
    loadOlder: async () => {
      const current = feedRef.current;
      if (!current || current.messages.length === 0) return;
      const page = await api<{ messages: Message[]; hasMore: boolean }>(
        `/conversations/${encodeURIComponent(id)}/messages?limit=50&before=${current.messages[0].index}`,
      );
      feedRef.current = prepend(feedRef.current!, page.messages);
      setFeed(feedRef.current);
      setHasMore(page.hasMore);
    },
  };
}
