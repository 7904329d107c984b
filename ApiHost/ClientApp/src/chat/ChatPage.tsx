import type { Session } from '../api/session';
import { canWrite } from '../auth/useSession';
import { Link } from '../ui/Link';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';

export function ChatPage(props: { session: Session; conversationId?: string }) {
  const canCreate = canWrite(props.session);
  return (
    <main class={`chat ${props.conversationId ? 'has-conversation' : ''}`}>
      <ConversationList selected={props.conversationId} canCreate={canCreate} />
      {props.conversationId ? (
        <>
          <Link href="/chat" class="back">
            ← Conversations
          </Link>
          <ConversationView key={props.conversationId} id={props.conversationId} session={props.session} />
        </>
      ) : (
        <section class="conversation empty">
          <p class="hint">Pick a conversation, or start a new one.</p>
        </section>
      )}
    </main>
  );
}
