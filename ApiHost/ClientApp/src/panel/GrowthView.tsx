import { useEffect } from 'preact/hooks';
import { api } from '../api/http';
import type { Growth } from '../api/types';
import { ErrorBox, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import type { EventBus } from './EventBus';

/** Level and experience, read again when a turn ends, the character levels up or I rate a reply (`ratings` counts them). */
export function GrowthView(props: { characterId: string; bus: EventBus; ratings: number }) {
  const growth = useRequest(() => api<Growth>(`/characters/${encodeURIComponent(props.characterId)}/growth`), [props.characterId, props.ratings]);
  useEffect(
    () =>
      props.bus.subscribe((e) => {
        if (e.type === 'complete_state' || (e.type === 'level_up' && e.characterId === props.characterId)) growth.reload();
      }),
    [props.bus, props.characterId],
  );
  const g = growth.data;
  return (
    <section class="growth" aria-label="Growth">
      <h3>Growth</h3>
      {growth.loading && !g && <Loading what="growth" />}
      {growth.error !== null && <ErrorBox error={growth.error} retry={growth.reload} />}
      {g && (
        <>
          <p>
            Level <strong data-level>{g.level}</strong> · <span data-xp>{g.xp}</span> XP (next level at {g.nextLevelXp})
          </p>
          <progress max={g.nextLevelXp} value={g.xp} aria-label="Experience toward the next level" />
          <p class="hint">
            👍 {g.thumbsUp} · 👎 {g.thumbsDown} · {g.conversations} turns
            {g.unlocked.length > 0 && ` · unlocked: ${g.unlocked.join(', ')}`}
          </p>
        </>
      )}
    </section>
  );
}
