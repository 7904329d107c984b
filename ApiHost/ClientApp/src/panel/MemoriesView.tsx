import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/http';
import type { Memory } from '../api/types';
import { ErrorBox, Loading, describe } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import type { EventBus } from './EventBus';

/** What the character remembers about me, with search, a tier filter and delete; read again when a turn ends (what I said is weighed by then) and when a thread is summarised. */
export function MemoriesView(props: { characterId: string; bus: EventBus }) {
  const [query, setQuery] = useState('');
  const [tier, setTier] = useState('');
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const memories = useRequest(() => {
    const q = new URLSearchParams({ characterId: props.characterId, limit: '50' });
    if (query) q.set('q', query);
    if (tier) q.set('tier', tier);
    return api<{ items: Memory[] }>(`/memories?${q}`);
  }, [props.characterId, query, tier]);
  useEffect(
    () => props.bus.subscribe((e) => (e.type === 'complete_state' || e.type === 'thread_summarized') && memories.reload()),
    [props.bus],
  );

  async function remove(id: string) {
    setDeleteError(null);
    try {
      await api(`/memories/${encodeURIComponent(id)}`, { method: 'DELETE' });
      memories.set({ items: (memories.data?.items ?? []).filter((m) => m.id !== id) });
    } catch (e) {
      setDeleteError(e);
    }
  }

  return (
    <section class="memories" aria-label="Memories">
      <h3>Memories of me</h3>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(String(new FormData(e.currentTarget).get('q') ?? ''));
        }}
      >
        <input name="q" type="search" placeholder="Search memories" aria-label="Search memories" />
        <select aria-label="Tier" value={tier} onChange={(e) => setTier(e.currentTarget.value)}>
          <option value="">All tiers</option>
          <option value="long-term">Long-term</option>
          <option value="mid-term">Mid-term</option>
        </select>
      </form>
      {memories.loading && <Loading what="memories" />}
      {memories.error !== null && <ErrorBox error={memories.error} retry={memories.reload} />}
      {deleteError !== null && <p class="error" role="alert">{describe(deleteError)}</p>}
      {memories.data && memories.data.items.length === 0 && <p class="hint">Nothing remembered yet.</p>}
      <ul class="memory-list">
        {memories.data?.items.map((m) => (
          <li>
            <span class="tier">{m.tier}</span> {m.text}
            <button type="button" aria-label={`Forget: ${m.text}`} onClick={() => void remove(m.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
