import { useEffect } from 'preact/hooks';
import { UsersPage } from '../admin/UsersPage';
import { AuthPage } from '../auth/AuthPage';
import { canWrite, hasRole, useSession } from '../auth/useSession';
import { EditorPage } from '../characters/EditorPage';
import { GalleryPage } from '../characters/GalleryPage';
import { ChatPage } from '../chat/ChatPage';
import { ClusterPage } from '../cluster/ClusterPage';
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
    return <AuthPage mode={path === '/signup' ? 'signup' : 'signin'} next={next?.startsWith('/') && !next.startsWith('//') ? next : '/chat'} />;
  }

  const chat = match('/chat/:id', path);
  const character = match('/characters/:id', path);
  const isAdmin = hasRole(session, 'admin');
  let page;
  if (path === '/chat' || chat) page = <ChatPage session={session} conversationId={chat?.id} />;
  else if (path === '/characters') page = <GalleryPage canCreate={canWrite(session)} />;
  else if (character) page = <EditorPage key={character.id} id={character.id} session={session} />;
  else if (path === '/admin/users' && isAdmin) page = <UsersPage />;
  else if (path === '/cluster' && isAdmin) page = <ClusterPage />;
  else page = <NotFound />;

  return (
    <>
      <a class="skip" href="#content">
        Skip to content
      </a>
      <Nav session={session} path={path} isAdmin={isAdmin} />
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
