import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/http';
import type { Message } from '../api/types';
import { Avatar } from '../characters/avatars';
import { renderMarkdown } from '../markdown/renderMarkdown';
import { describe } from '../ui/Status';

const statusLabel: Partial<Record<Message['status'], string>> = {
  streaming: 'replying…',
  interrupted: 'interrupted',
  failed: 'failed',
};

export function MessageBubble(props: { message: Message; canRate: boolean; onRated: () => void }) {
  const m = props.message;
  const html = useMemo(() => renderMarkdown(m.content), [m.content]);
  const fromCharacter = m.speakerKind === 'character';
  return (
    <article class={`message ${m.speakerKind} ${m.status}`} data-message-id={m.id} data-status={m.status} aria-busy={m.status === 'streaming'}>
      <header>
        {fromCharacter ? <Avatar characterId={m.speakerId} name={m.speakerName} /> : <span class="avatar small" aria-hidden="true">{[...m.speakerName][0]}</span>}
        <span class="speaker">{m.speakerName}</span>
        {statusLabel[m.status] && <span class={`badge ${m.status}`}>{statusLabel[m.status]}</span>}
      </header>
      {m.status === 'streaming' && m.content === '' ? (
        <p class="typing-dots" aria-label={`${m.speakerName} is typing`}>
          <span />
          <span />
          <span />
        </p>
      ) : (
        <div class="content" dangerouslySetInnerHTML={{ __html: html }} />
      )}
      {m.status === 'failed' && <ReplyFailure message={m} />}
      {fromCharacter && props.canRate && m.status !== 'streaming' && <Rating messageId={m.id} onRated={props.onRated} />}
    </article>
  );
}

function ReplyFailure(props: { message: Message }) {
  return (
    <p class="failure" role="note">
      The language model did not answer{props.message.error ? ` (${props.message.error})` : ''}. If this keeps happening, the model
      server is probably unreachable: an administrator should check that Ollama or the configured provider is running and that{' '}
      <code>Llm:Providers:…:BaseUrl</code> points at it, then you can send your message again.
    </p>
  );
}

function Rating(props: { messageId: string; onRated: () => void }) {
  const [rating, setRating] = useState<'up' | 'down' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rate = async (value: 'up' | 'down') => {
    setError(null);
    try {
      await api(`/messages/${encodeURIComponent(props.messageId)}/feedback`, { method: 'POST', json: { rating: value } });
      setRating(value);
      props.onRated();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div class="rating">
      <button type="button" aria-pressed={rating === 'up'} aria-label="Good reply" onClick={() => void rate('up')}>
        👍
      </button>
      <button type="button" aria-pressed={rating === 'down'} aria-label="Bad reply" onClick={() => void rate('down')}>
        👎
      </button>
      {error !== null && <span class="error-inline" role="alert">{describe(error)}</span>}
    </div>
  );
}
