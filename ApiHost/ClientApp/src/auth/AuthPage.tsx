import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { ErrorBox } from '../ui/Status';
import { Link } from '../ui/Link';
import { signIn, signUp } from './account';

/** Sign in, or sign up (which signs in too), then go where the visitor was heading. */
export function AuthPage(props: { mode: 'signin' | 'signup'; next: string }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const signingUp = props.mode === 'signup';

  async function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setError(null);
    try {
      if (signingUp) await signUp(field('username'), field('email'), field('password'));
      else await signIn(field('login'), field('password'));
      navigate(props.next, true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="auth">
      <h1>{signingUp ? 'Create an account' : 'Sign in'}</h1>
      <form onSubmit={submit} aria-busy={busy}>
        {signingUp ? (
          <>
            <label>
              Username <input name="username" autocomplete="username" required minLength={3} maxLength={30} pattern="[A-Za-z0-9_]+" />
            </label>
            <label>
              Email <input name="email" type="email" autocomplete="email" required />
            </label>
          </>
        ) : (
          <label>
            Username or email <input name="login" autocomplete="username" required />
          </label>
        )}
        <label>
          Password{' '}
          <input name="password" type="password" autocomplete={signingUp ? 'new-password' : 'current-password'} required minLength={8} maxLength={128} />
        </label>
        {signingUp && <p class="hint">8–128 characters with an upper-case letter, a lower-case letter and a digit.</p>}
        {error !== null && <ErrorBox error={error} />}
        <button type="submit" disabled={busy}>
          {busy ? 'Please wait…' : signingUp ? 'Sign up' : 'Sign in'}
        </button>
      </form>
      <p>
        {signingUp ? (
          <>
            Already have an account? <Link href="/signin">Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href="/signup">Create an account</Link>
          </>
        )}
      </p>
    </main>
  );
}
