import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import type { Session } from '../api/session';
import { canWrite } from '../auth/useSession';
import { CharacterPanel } from '../panel/CharacterPanel';
import { EventBus } from '../panel/EventBus';
import { ErrorBox, Loading } from '../ui/Status';
import { Composer } from './Composer';
import { InviteForm } from './InviteForm';
import { MessageBubble } from './MessageBubble';
import { useConversation, type ConnectionState } from './useConversation';

const linkText: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Connection lost, reconnecting…',
  offline: 'Offline',
};

export function ConversationView(props: { id: string; session: Session }) {
  const bus = useMemo(() => new EventBus(), [props.id]);
  const c = useConversation(props.id, bus.emit);
  const [ratings, setRatings] = useState(0);
  const end = useRef<HTMLDivElement>(null);
  const messages = c.feed?.messages ?? [];
  const last = messages[messages.length - 1];

  // Follow the newest text unless the reader scrolled up.
  useEffect(() => {
    const list = end.current?.parentElement;
    if (list && list.scrollHeight - list.scrollTop - list.clientHeight < 200) end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, last?.content]);

  if (c.error instanceof ApiError && c.error.status === 404) {
    return (
      <section class="conversation" aria-label="Conversation">
        <p class="error" role="alert">
          This conversation does not exist, or you are not part of it.
        </p>
      </section>
    );
  }
  if (!c.conversation || !c.feed) {
    return (
      <section class="conversation" aria-label="Conversation">
        {c.error !== null ? <ErrorBox error={c.error} retry={c.retry} /> : <Loading what="the conversation" />}
      </section>
    );
  }
  const isGuest = !canWrite(props.session);
  const generating = messages.some((m) => m.status === 'streaming');
  const user = props.session.user;
  const canManage = !isGuest && (c.conversation.ownerId === user.id || user.roles.includes('admin'));
  const lastHuman = [...messages].reverse().find((m) => m.speakerKind === 'human');
  return (
    <>
    <section class="conversation" aria-label={`Conversation ${c.conversation.title}`}>
      <header class="conversation-header">
        <h2>{c.conversation.title}</h2>
        <span class={`link ${c.link}`} role="status">
          {linkText[c.link]}
        </span>
        {canManage && <InviteForm conversationId={props.id} invited={c.setConversation} />}
        <span class="hint">{c.conversation.humans.map((h) => h.name).join(', ')}</span>
        {c.link === 'offline' && (
          <button type="button" onClick={c.retry}>
            Reconnect
          </button>
        )}
      </header>
      {c.error !== null && <ErrorBox error={c.error} retry={c.retry} />}
      <div class="messages" role="log" aria-live="polite" aria-relevant="additions">
        {c.hasMore && (
          <button type="button" class="older" onClick={() => void c.loadOlder()}>
            Load earlier messages
          </button>
        )}
        {messages.length === 0 && <p class="hint">No messages yet. Say hello — type @ to address a character.</p>}
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} canRate={!isGuest} onRated={() => setRatings((r) => r + 1)} />
        ))}
        <div ref={end} />
      </div>
      <p class="typing" aria-live="polite">
        {c.typing.length > 0 && `${c.typing.join(', ')} ${c.typing.length === 1 ? 'is' : 'are'} typing…`}
      </p>
      <Composer
        characters={c.conversation.characters}
        generating={generating}
        disabled={isGuest || c.link !== 'live'}
        send={c.send}
        interrupt={c.interrupt}
        typed={c.typed}
      />
    </section>
    <CharacterPanel characters={c.conversation.characters} bus={bus} topic={lastHuman?.content ?? ''} live={c.link === 'live'} ratings={ratings} />
    </>
  );
}
