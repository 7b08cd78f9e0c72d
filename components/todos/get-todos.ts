import 'server-only';
import { cache } from 'react';
import { getServerCaller } from '@/server/trpc/server';

/** The caller's to-dos, read once per request (the header's count and the home page's inbox share it). */
export const getTodos = cache(async () => (await getServerCaller()).todos.list());

/** How much is waiting, for the header's badge on every page (the counts alone). */
export const getTodoCount = cache(async () => (await (await getServerCaller()).todos.count()).total);
