import { useEffect, useState } from 'preact/hooks';
import { ApiError, request } from '../api/http';

// Avatars need the bearer token, so <img src> cannot fetch them; each is fetched once per page and kept as a data:
// URL (the page's CSP allows data: images). null: the character has none.
const cache = new Map<string, Promise<string | null>>();

function load(characterId: string): Promise<string | null> {
  return request(`/characters/${encodeURIComponent(characterId)}/avatar`)
    .then((r) => r.blob())
    .then(
      (blob) =>
        new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error ?? new Error('The avatar could not be read.'));
          reader.readAsDataURL(blob);
        }),
    )
    .catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 404) return null;
      cache.delete(characterId); // a failed read is tried again next time
      throw e;
    });
}

export function forgetAvatar(characterId: string) {
  cache.delete(characterId);
}

export function useAvatar(characterId: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!characterId) return;
    let live = true;
    let pending = cache.get(characterId);
    if (!pending) {
      pending = load(characterId);
      cache.set(characterId, pending);
    }
    pending.then((u) => live && setUrl(u)).catch(() => live && setUrl(null));
    return () => {
      live = false;
    };
  }, [characterId]);
  return url;
}

export function Avatar(props: { characterId?: string; name: string; size?: 'small' | 'large' }) {
  const url = useAvatar(props.characterId);
  const cls = `avatar ${props.size ?? 'small'}`;
  return url ? <img class={cls} src={url} alt="" /> : <span class={cls} aria-hidden="true">{[...props.name][0] ?? '?'}</span>;
}
