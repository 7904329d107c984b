import { useEffect } from 'preact/hooks';
import { api } from '../api/http';
import { emotionNames, type EmotionState } from '../api/types';
import { ErrorBox, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import type { EventBus } from './EventBus';

/** Plutchik's eight emotions as bars, moved live by `emotion_changed`. */
export function EmotionBars(props: { characterId: string; bus: EventBus }) {
  const mood = useRequest(() => api<EmotionState>(`/characters/${encodeURIComponent(props.characterId)}/emotion`), [props.characterId]);
  useEffect(
    () =>
      props.bus.subscribe((e) => {
        if (e.type === 'emotion_changed' && e.characterId === props.characterId && mood.data) {
          mood.set({ ...mood.data, emotions: e.emotions, dominant: e.dominant });
        }
      }),
    [props.bus, props.characterId, mood.data],
  );
  return (
    <section class="emotions" aria-label="Emotions">
      <h3>Emotion</h3>
      {mood.loading && !mood.data && <Loading what="emotions" />}
      {mood.error !== null && <ErrorBox error={mood.error} retry={mood.reload} />}
      {mood.data && (
        <>
          <p>
            Feeling <strong>{mood.data.dominant}</strong>
            {mood.data.trend && mood.data.trend !== 'insufficient' && `, trend ${mood.data.trend}`}
          </p>
          <ul class="bars">
            {emotionNames.map((name) => {
              const value = mood.data!.emotions[name];
              return (
                <li>
                  <span class="bar-label">{name}</span>
                  <meter class={`bar ${name}`} data-emotion={name} min={0} max={1} value={value} aria-label={`${name} ${Math.round(value * 100)}%`} />
                  <span class="bar-value">{Math.round(value * 100)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
