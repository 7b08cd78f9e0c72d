import { z } from 'zod';

/** The page fields of a list procedure's input: page 1 and `size` rows unless the caller asks otherwise. */
export function pagingInput(size: number, max: number) {
  return { page: z.number().int().min(1).max(100_000).default(1), pageSize: z.number().int().min(1).max(max).default(size) };
}

/** The rows of one page, for Prisma's `skip`/`take`. */
export function pageWindow(input: { page: number; pageSize: number }) {
  return { skip: (input.page - 1) * input.pageSize, take: input.pageSize };
}
