import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/shell/app-header';
import { DatabaseProblem } from '@/components/shell/database-problem';
import { getTodoCount } from '@/components/todos/get-todos';
import { localName } from '@/components/ui/names';
import { getSessionUser, type SessionUser } from '@/server/auth/session';
import { databaseAppError } from '@/server/db/errors';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  let user: SessionUser | null;
  let organisation = '';
  let todoCount = 0;
  try {
    user = await getSessionUser();
    if (user) {
      // the organisation's name comes with the session's user (no request of its own)
      todoCount = await getTodoCount();
      organisation = user.organisation ? localName(await getLocale(), user.organisation.name, user.organisation.nameEn) : '';
    }
  } catch (e) {
    const app = databaseAppError(e);
    if (app) return <DatabaseProblem messageKey={app.messageKey} params={app.params} />;
    throw e;
  }
  if (!user) redirect('/sign-in');
  return (
    <>
      <AppHeader scope={user.scope} userName={user.name} organisation={organisation} todoCount={todoCount} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
