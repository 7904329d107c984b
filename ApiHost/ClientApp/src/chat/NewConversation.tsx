import { useState } from 'preact/hooks';
import { api } from '../api/http';
import type { CharacterListItem, Conversation, Policy } from '../api/types';
import { navigate } from '../app/router';
import { ErrorBox, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';

const policies: { value: Policy; label: string }[] = [
  { value: 'natural', label: 'Natural (whoever the topic suits)' },
  { value: 'all', label: 'Everyone answers' },
  { value: 'list', label: 'In turn' },
  { value: 'pooled', label: 'One at random' },
  { value: 'manual', label: 'Only when @addressed' },
];

/** Pick one character for a 1:1 conversation, or several for a group, then open it. */
export function NewConversation() {
  const [open, setOpen] = useState(false);
  return (
    <details class="new-conversation" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>New conversation</summary>
      {open && <NewConversationForm />}
    </details>
  );
}

function NewConversationForm() {
  const characters = useRequest(() => api<{ characters: CharacterListItem[] }>('/characters'), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const characterIds = form.getAll('characterIds').map(String);
    const title = String(form.get('title') ?? '').trim();
    setBusy(true);
    setError(null);
    try {
      const created = await api<Conversation>('/conversations', {
        method: 'POST',
        json: { characterIds, policy: form.get('policy'), ...(title ? { title } : {}) },
      });
      navigate(`/chat/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (characters.loading) return <Loading what="characters" />;
  if (characters.error !== null) return <ErrorBox error={characters.error} retry={characters.reload} />;
  return (
    <form onSubmit={create} aria-busy={busy}>
      <fieldset>
        <legend>Characters (one for a 1:1 conversation, several for a group)</legend>
        {characters.data!.characters.map((c) => (
          <label class="check">
            <input type="checkbox" name="characterIds" value={c.id} /> {c.name}
          </label>
        ))}
      </fieldset>
      <label>
        Title <input name="title" maxLength={200} placeholder="Default: the characters' names" />
      </label>
      <label>
        Who answers
        <select name="policy">
          {policies.map((p) => (
            <option value={p.value}>{p.label}</option>
          ))}
        </select>
      </label>
      {error !== null && <ErrorBox error={error} />}
      <button type="submit" disabled={busy}>
        Start
      </button>
    </form>
  );
}
