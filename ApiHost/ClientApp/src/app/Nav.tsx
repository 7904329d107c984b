import type { Session } from '../api/session';
import { signOut } from '../auth/account';
import { Link } from '../ui/Link';
import { navigate } from './router';

interface Item {
  href: string;
  label: string;
  adminOnly?: boolean;
}

const items: Item[] = [
  { href: '/chat', label: 'Chat' },
  { href: '/characters', label: 'Characters' },
  { href: '/admin/users', label: 'Users', adminOnly: true },
  { href: '/cluster', label: 'Cluster', adminOnly: true },
];

/** The top bar: only what the signed-in roles may open. */
export function Nav(props: { session: Session; path: string; isAdmin: boolean }) {
  return (
    <header class="topbar">
      <span class="brand">LlmMultiChat</span>
      <nav aria-label="Main">
        <ul>
          {items
            .filter((i) => !i.adminOnly || props.isAdmin)
            .map((i) => (
              <li>
                <Link href={i.href} aria-current={props.path.startsWith(i.href) ? 'page' : undefined}>
                  {i.label}
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <span class="who">
        {props.session.user.username} <span class="hint">({props.session.user.roles.join(', ')})</span>
      </span>
      <button
        type="button"
        onClick={() => {
          void signOut().then(() => navigate('/signin'));
        }}
      >
        Sign out
      </button>
    </header>
  );
}
