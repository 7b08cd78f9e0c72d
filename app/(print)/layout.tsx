import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getSessionUser } from '@/server/auth/session';

export const dynamic = 'force-dynamic';

/** Printable documents: no app chrome, A4 margins when printed. */
export default async function PrintLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser().catch(() => null);
  if (!user) redirect('/sign-in');
  return <div className="min-h-screen bg-slate-100 py-6 print:bg-white print:py-0">{children}</div>;
}
