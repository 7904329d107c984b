import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/http';
import type { Session } from '../api/session';
import { canWrite } from '../auth/useSession';
import type { Character, CharacterVersion, Persona } from '../api/types';
import { navigate } from '../app/router';
import { ErrorBox, Loading, describe } from '../ui/Status';
import { useRequest } from '../ui/useRequest';
import { Avatar, forgetAvatar } from './avatars';
import { exportCard } from './cards';
import { emptyPersona, personaChanges, personaFields, personaFrom } from './personaFields';

/** Creates a character (id "new") or edits one: every persona field, visibility, avatar, card export and versions. */
export function EditorPage(props: { id: string; session: Session }) {
  const creating = props.id === 'new';
  const [savedNote, setSavedNote] = useState('');
  const character = useRequest(
    () => (creating ? Promise.resolve(undefined) : api<Character>(`/characters/${encodeURIComponent(props.id)}`)),
    [props.id],
  );
  if (character.loading) return <main><Loading what="the character" /></main>;
  if (character.error instanceof ApiError && character.error.status === 404) {
    return <main><p class="error" role="alert">This character does not exist, or you may not see it.</p></main>;
  }
  if (character.error !== null) return <main><ErrorBox error={character.error} retry={character.reload} /></main>;

  const c = character.data;
  const user = props.session.user;
  const canEdit = creating || (!!c && canWrite(props.session) && (c.ownerId === user.id || user.roles.includes('admin')));
  return (
    <main class="editor">
      <h1>{creating ? 'New character' : c!.persona.name}</h1>
      {c && <AvatarEditor character={c} canEdit={canEdit} />}
      {c && <CardExport id={c.id} />}
      {/* Keyed by version: after a save the form starts again from what the server stored. */}
      <PersonaForm
        key={c?.version ?? 0}
        character={c}
        canEdit={canEdit}
        saved={(saved) => {
          setSavedNote(`Saved as version ${saved.version}.`);
          if (creating) navigate(`/characters/${encodeURIComponent(saved.id)}`, true);
          else character.set(saved);
        }}
      />
      {savedNote && <p role="status">{savedNote}</p>}
      {c && <Versions id={c.id} version={c.version} />}
    </main>
  );
}

function PersonaForm(props: { character: Character | undefined; canEdit: boolean; saved: (c: Character) => void }) {
  const persona = props.character?.persona ?? emptyPersona;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const body = { persona: personaFrom(form), visibility: String(form.get('visibility')) };
    setBusy(true);
    setError(null);
    try {
      const saved = props.character
        ? await api<Character>(`/characters/${encodeURIComponent(props.character.id)}`, { method: 'PUT', json: { ...body, expectedVersion: props.character.version } })
        : await api<Character>('/characters', { method: 'POST', json: body });
      props.saved(saved);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? new Error('Someone saved this character after you opened it. Reload the page to see their version, then make your change again.') : err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!props.character || !confirm(`Delete ${props.character.persona.name}? Its versions and avatar go too.`)) return;
    try {
      await api(`/characters/${encodeURIComponent(props.character.id)}`, { method: 'DELETE' });
      navigate('/characters');
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={save} aria-busy={busy}>
      <fieldset disabled={!props.canEdit || busy}>
        <legend>Persona{props.canEdit ? '' : ' (read only)'}</legend>
        {personaFields.map((f) => (
          <label>
            {f.label}
            {f.kind === 'line' ? (
              <input name={f.key} defaultValue={persona[f.key] as string} required={f.key === 'name'} maxLength={100} />
            ) : (
              <textarea name={f.key} rows={f.kind === 'list' ? 3 : 4} defaultValue={f.kind === 'list' ? (persona[f.key] as string[]).join('\n') : ((persona[f.key] as string | null) ?? '')} />
            )}
          </label>
        ))}
        <div class="row">
          <Choice label="Politeness" name="politeness" current={String(persona.politeness)} options={[['1', '1 — casual'], ['2', '2 — polite'], ['3', '3 — formal']]} />
          <Choice label="Verbosity" name="verbosity" current={persona.verbosity} options={[['brief', 'brief'], ['medium', 'medium'], ['detailed', 'detailed']]} />
          <Choice label="Emoji" name="emojiUse" current={persona.emojiUse} options={[['none', 'none'], ['sparing', 'sparing'], ['frequent', 'frequent']]} />
          <label>
            Talkativeness (0–1)
            <input name="talkativeness" type="number" min={0} max={1} step="any" defaultValue={String(persona.talkativeness)} />
          </label>
          <Choice label="Visibility" name="visibility" current={props.character?.visibility ?? 'private'} options={[['private', 'private'], ['public', 'public']]} />
        </div>
        <fieldset>
          <legend>Model (empty: the server's default)</legend>
          <div class="row">
            <ModelInput name="provider" label="Provider" persona={persona} />
            <ModelInput name="model" label="Model" persona={persona} />
            <ModelInput name="temperature" label="Temperature" persona={persona} number />
            <ModelInput name="topP" label="Top p" persona={persona} number />
            <ModelInput name="maxTokens" label="Max tokens" persona={persona} number />
          </div>
        </fieldset>
      </fieldset>
      {error !== null && <ErrorBox error={error} />}
      {props.canEdit && (
        <div class="row">
          <button type="submit" disabled={busy}>
            {props.character ? 'Save' : 'Create'}
          </button>
          {props.character && (
            <button type="button" class="danger" onClick={() => void remove()}>
              Delete
            </button>
          )}
        </div>
      )}
    </form>
  );
}

/** An uncontrolled select (the form is read once, on submit). */
function Choice(props: { label: string; name: string; current: string; options: [string, string][] }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === props.current}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function ModelInput(props: { name: 'provider' | 'model' | 'temperature' | 'topP' | 'maxTokens'; label: string; persona: Persona; number?: boolean }) {
  const raw = props.persona.model?.[props.name];
  const value = raw === null || raw === undefined ? '' : String(raw);
  const name = `model.${props.name}`;
  return (
    <label>
      {props.label}
      {props.number ? <input name={name} type="number" step="any" defaultValue={value} /> : <input name={name} defaultValue={value} />}
    </label>
  );
}

function AvatarEditor(props: { character: Character; canEdit: boolean }) {
  const [round, setRound] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const id = props.character.id;
  async function change(body: File | null) {
    setError(null);
    try {
      await api(`/characters/${encodeURIComponent(id)}/avatar`, body ? { method: 'PUT', body, contentType: 'image/png' } : { method: 'DELETE' });
      forgetAvatar(id);
      setRound((r) => r + 1);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section class="avatar-editor" aria-label="Avatar">
      <Avatar key={round} characterId={id} name={props.character.persona.name} size="large" />
      {props.canEdit && (
        <>
          <label>
            New avatar (PNG)
            <input type="file" accept="image/png" onChange={(e) => void change(e.currentTarget.files?.[0] ?? null)} />
          </label>
          <button type="button" onClick={() => void change(null)}>
            Remove avatar
          </button>
        </>
      )}
      {error !== null && <ErrorBox error={error} />}
    </section>
  );
}

function CardExport(props: { id: string }) {
  const [error, setError] = useState<unknown>(null);
  const download = (format: 'json' | 'png', spec: 'v2' | 'v3') => void exportCard(props.id, format, spec).catch(setError);
  return (
    <section class="row" aria-label="Export">
      <button type="button" onClick={() => download('json', 'v2')}>Export card (JSON, V2)</button>
      <button type="button" onClick={() => download('json', 'v3')}>Export card (JSON, V3)</button>
      <button type="button" onClick={() => download('png', 'v2')}>Export card (PNG)</button>
      {error !== null && <span class="error-inline" role="alert">{describe(error)}</span>}
    </section>
  );
}

function Versions(props: { id: string; version: number }) {
  const versions = useRequest(() => api<{ versions: CharacterVersion[] }>(`/characters/${encodeURIComponent(props.id)}/versions`), [props.id, props.version]);
  return (
    <section aria-label="Versions">
      <h2>Versions</h2>
      {versions.loading && <Loading what="versions" />}
      {versions.error !== null && <ErrorBox error={versions.error} retry={versions.reload} />}
      <ol reversed class="versions">
        {versions.data?.versions
          .map((v, i, all) => ({ v, changes: i === 0 ? [] : personaChanges(all[i - 1].persona, v.persona) }))
          .reverse()
          .map(({ v, changes }) => (
            <li>
              <details>
                <summary>
                  Version {v.version} · {new Date(v.changedAt).toLocaleString()} · {changes.length === 0 ? 'first version or visibility change' : `${changes.length} field(s) changed`}
                </summary>
                <table>
                  <thead>
                    <tr>
                      <th>Field</th>
                      <th>Before</th>
                      <th>After</th>
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map((c) => (
                      <tr>
                        <td>{c.field}</td>
                        <td><del>{c.before}</del></td>
                        <td><ins>{c.after}</ins></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </li>
          ))}
      </ol>
    </section>
  );
}
