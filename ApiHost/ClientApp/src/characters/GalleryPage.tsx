import { useState } from 'preact/hooks';
import { api } from '../api/http';
import type { CharacterListItem } from '../api/types';
import { navigate } from '../app/router';
import { Link } from '../ui/Link';
import { ErrorBox, Loading } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { Avatar } from './avatars';
import { importCard } from './cards';

/** Every character the caller may read, and a drop zone that imports SillyTavern cards. */
export function GalleryPage(props: { canCreate: boolean }) {
  const list = useRequest(() => api<{ characters: CharacterListItem[] }>('/characters'), []);
  return (
    <main class="gallery">
      <h1>Characters</h1>
      {props.canCreate && (
        <div class="gallery-actions">
          <Link href="/characters/new" class="button">
            New character
          </Link>
          <CardDropZone />
        </div>
      )}
      {list.loading && <Loading what="characters" />}
      {list.error !== null && <ErrorBox error={list.error} retry={list.reload} />}
      <ul class="cards">
        {list.data?.characters.map((c) => (
          <li>
            <Link href={`/characters/${encodeURIComponent(c.id)}`}>
              <Avatar characterId={c.id} name={c.name} size="large" />
              <span class="name">{c.name}</span>
              <span class="hint">
                {c.id} · {c.visibility}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}

function CardDropZone() {
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function take(files: FileList | null | undefined) {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const created = await importCard(file);
      navigate(`/characters/${encodeURIComponent(created.id)}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      class={`dropzone ${over ? 'over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer?.files);
      }}
      aria-busy={busy}
    >
      <label>
        Import a SillyTavern card: drop a .json or .png here, or choose one
        <input type="file" accept=".json,.png,application/json,image/png" onChange={(e) => void take(e.currentTarget.files)} />
      </label>
      {busy && <Loading what="the card" />}
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}
