import { useEffect } from 'preact/hooks';
import { AuthPage } from '../auth/AuthPage';
import { hasRole, useSession } from '../auth/useSession';
import { ChatPage } from '../chat/ChatPage';
import { Nav } from './Nav';
import { match, navigate, usePath } from './router';

export function App() {
  const session = useSession();
  const path = usePath();
  const anonymousPage = path === '/signin' || path === '/signup';

  useEffect(() => {
    if (!session && !anonymousPage) navigate(`/signin?next=${encodeURIComponent(location.pathname)}`, true);
    if (path === '/') navigate('/chat', true);
  }, [session, path, anonymousPage]);

  if (!session || anonymousPage) {
    const next = new URLSearchParams(location.search).get('next');
    return <AuthPage mode={path === '/signup' ? 'signup' : 'signin'} next={next?.startsWith('/') ? next : '/chat'} />;
  }

  const chat = match('/chat/:id', path);
  let page;
  if (path === '/chat' || chat) page = <ChatPage session={session} conversationId={chat?.id} />;
  else page = <NotFound />;

  return (
    <>
      <a class="skip" href="#content">
        Skip to content
      </a>
      <Nav session={session} path={path} isAdmin={hasRole(session, 'admin')} />
      <div id="content">{page}</div>
    </>
  );
}

function NotFound() {
  return (
    <main>
      <h1>Not found</h1>
      <p>There is no page at this address.</p>
    </main>
  );
}
