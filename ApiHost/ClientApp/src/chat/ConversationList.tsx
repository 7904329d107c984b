import { api } from '../api/http';
import type { Conversation } from '../api/types';
import { Link } from '../ui/Link';
import { ErrorBox, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { NewConversation } from './NewConversation';

export function ConversationList(props: { selected: string | undefined; canCreate: boolean }) {
  const list = useRequest(() => api<{ conversations: Conversation[] }>('/conversations'), [props.selected]);
  return (
    <nav class="conversations" aria-label="Conversations">
      <h2>Conversations</h2>
      {props.canCreate && <NewConversation />}
      {list.loading && !list.data && <Loading what="conversations" />}
      {list.error !== null && <ErrorBox error={list.error} retry={list.reload} />}
      {list.data && list.data.conversations.length === 0 && <p class="hint">No conversations yet: start one above.</p>}
      <ul>
        {list.data?.conversations.map((c) => (
          <li>
            <Link href={`/chat/${encodeURIComponent(c.id)}`} aria-current={c.id === props.selected ? 'page' : undefined}>
              <span class="title">{c.title}</span>
              <span class="hint">{c.characters.map((x) => x.name).join(', ')}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
