import { useState } from 'preact/hooks';
import { api } from '../api/http';
import type { AdminUserPage, User } from '../api/types';
import { ErrorBox, Loading, describe } from '../ui/Status';
import { useRequest } from '../ui/useRequest';

const roles = ['admin', 'operator', 'premium', 'user', 'guest'];
const pageSize = 50;

/** Admins: every account with its roles, activation and quota, and one-time password-reset tokens. */
export function UsersPage() {
  const [offset, setOffset] = useState(0);
  const page = useRequest(() => api<AdminUserPage>(`/admin/users?offset=${offset}&limit=${pageSize}`), [offset]);
  return (
    <main>
      <h1>Users</h1>
      {page.loading && !page.data && <Loading what="users" />}
      {page.error !== null && <ErrorBox error={page.error} retry={page.reload} />}
      {page.data && (
        <>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>User</th>
                  <th>Roles</th>
                  <th>Active</th>
                  <th>Daily token quota</th>
                  <th>Password reset</th>
                </tr>
              </thead>
              <tbody>
                {page.data.users.map((u) => (
                  <UserRow key={u.id} user={u} updated={(next) => page.set({ ...page.data!, users: page.data!.users.map((x) => (x.id === next.id ? next : x)) })} />
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {offset + 1}–{offset + page.data.users.length} of {page.data.total}{' '}
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(offset - pageSize, 0))}>
              Previous
            </button>{' '}
            <button type="button" disabled={offset + pageSize >= page.data.total} onClick={() => setOffset(offset + pageSize)}>
              Next
            </button>
          </p>
        </>
      )}
    </main>
  );
}

function UserRow(props: { user: User; updated: (u: User) => void }) {
  const u = props.user;
  const [error, setError] = useState<unknown>(null);
  const [token, setToken] = useState<{ token: string; expiresAt: string } | null>(null);

  async function patch(body: object) {
    setError(null);
    try {
      props.updated(await api<User>(`/admin/users/${encodeURIComponent(u.id)}`, { method: 'PATCH', json: body }));
    } catch (e) {
      setError(e);
    }
  }

  async function resetToken() {
    setError(null);
    try {
      setToken(await api(`/admin/users/${encodeURIComponent(u.id)}/reset-token`, { method: 'POST' }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <tr>
      <td>
        <strong>{u.username}</strong>
        <br />
        <span class="hint">{u.email}</span>
        {error !== null && <p class="error" role="alert">{describe(error)}</p>}
      </td>
      <td>
        <fieldset class="roles">
          <legend class="visually-hidden">Roles of {u.username}</legend>
          {roles.map((r) => (
            <label class="check">
              <input
                type="checkbox"
                checked={u.roles.includes(r)}
                onChange={(e) => void patch({ roles: e.currentTarget.checked ? [...u.roles, r] : u.roles.filter((x) => x !== r) })}
              />{' '}
              {r}
            </label>
          ))}
        </fieldset>
      </td>
      <td>
        <label class="check">
          <input type="checkbox" checked={u.isActive} onChange={(e) => void patch({ isActive: e.currentTarget.checked })} /> active
        </label>
      </td>
      <td>
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            const value = String(new FormData(e.currentTarget).get('quota') ?? '').trim();
            void patch(value === '' ? { clearQuotaOverride: true } : { dailyTokenQuota: Number(value) });
          }}
        >
          <input name="quota" type="number" min={-1} placeholder="role default" aria-label={`Daily token quota of ${u.username} (-1 unlimited, empty: role default)`} value={u.dailyTokenQuota ?? ''} />
          <button type="submit">Set</button>
        </form>
      </td>
      <td>
        <button type="button" onClick={() => void resetToken()}>
          Make reset token
        </button>
        {token && (
          <p>
            <code class="token">{token.token}</code>
            <br />
            <span class="hint">Hand it over privately; valid until {new Date(token.expiresAt).toLocaleString()}.</span>
          </p>
        )}
      </td>
    </tr>
  );
}
