import { useState } from 'preact/hooks';
import { api } from '../api/http';
import type { Conversation } from '../api/types';
import { describe } from '../ui/Status';

/** Managers add another person to the conversation by username. */
export function InviteForm(props: { conversationId: string; invited: (c: Conversation) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  async function invite(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const username = String(new FormData(form).get('username') ?? '').trim();
    if (!username) return;
    setError(null);
    setDone('');
    try {
      props.invited(await api<Conversation>(`/conversations/${encodeURIComponent(props.conversationId)}/participants`, { method: 'POST', json: { username } }));
      setDone(`${username} can now open this conversation.`);
      form.reset();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <details class="invite">
      <summary>Invite</summary>
      <form class="inline" onSubmit={invite}>
        <input name="username" aria-label="Username to invite" placeholder="username" required />
        <button type="submit">Invite</button>
      </form>
      {done && <p role="status">{done}</p>}
      {error !== null && <p class="error" role="alert">{describe(error)}</p>}
    </details>
  );
}
