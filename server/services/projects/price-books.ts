import type { Prisma } from '../../db/generated/client';
import { lockNumberSeries } from '../../db/numbering';
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import { AppError } from '../../domain/errors/app-error';
import { defaultPriceBook, type PriceBook, priceBook } from '../../domain/projects/price-book';

type StoredItem = Omit<PriceBook['items'][number], 'unitPriceFen'> & { unitPriceFen: string };

export function toStored(book: PriceBook): { items: Prisma.InputJsonValue; kits: Prisma.InputJsonValue } {
  return {
    items: book.items.map((i) => ({ ...i, unitPriceFen: i.unitPriceFen.toString() })) as Prisma.InputJsonValue,
    kits: book.kits as Prisma.InputJsonValue,
  };
}

export function fromStored(row: { items: unknown; kits: unknown }): PriceBook {
  const items = (row.items as StoredItem[]).map((i) => ({ ...i, unitPriceFen: BigInt(i.unitPriceFen) }));
  return priceBook.parse({ items, kits: row.kits });
}

/** The integrator's current price book; the first use creates version 1 from the default. */
export async function currentPriceBook(db: ScopedDb, integratorId: string, actorId: string | null) {
  const latestOf = (q: Pick<ScopedDb, 'priceBookVersion'>) =>
    q.priceBookVersion.findFirst({
      orderBy: { version: 'desc' },
      select: { id: true, version: true, items: true, kits: true, createdAt: true, note: true },
    });
  const shape = (v: NonNullable<Awaited<ReturnType<typeof latestOf>>>) => ({
    id: v.id,
    version: v.version,
    createdAt: v.createdAt,
    note: v.note,
    book: fromStored(v),
  });
  const latest = await latestOf(db);
  if (latest) return shape(latest);
  // the first use creates version 1; two first uses at once take turns, and the second finds the first's version
  return db.$transaction(async (tx) => {
    await lockNumberSeries(tx, `price-book:${integratorId}`);
    const meanwhile = await latestOf(tx);
    if (meanwhile) return shape(meanwhile);
    const created = await tx.priceBookVersion.create({
      data: { integratorId, version: 1, ...toStored(defaultPriceBook), note: 'default', createdById: actorId },
      select: { id: true, version: true, createdAt: true, note: true },
    });
    return { ...created, book: defaultPriceBook };
  });
}

/** Saves a new version (old versions stay: quotes and projects keep the prices they were made with). */
export async function savePriceBook(db: ScopedDb, integratorId: string, actorId: string, book: PriceBook, note: string | null) {
  const parsed = priceBook.safeParse(book);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'priceBookInvalid');
  const codes = new Set(book.items.map((i) => i.code));
  for (const rules of Object.values(book.kits))
    for (const r of rules) if (!codes.has(r.item)) throw new AppError('BAD_REQUEST', 'priceBookUnknownItem', { item: r.item });
  return db.$transaction(async (tx) => {
    await lockNumberSeries(tx, `price-book:${integratorId}`);
    const last = await tx.priceBookVersion.findFirst({ orderBy: { version: 'desc' }, select: { version: true } });
    const v = await tx.priceBookVersion.create({
      data: { integratorId, version: (last?.version ?? 0) + 1, ...toStored(book), note, createdById: actorId },
      select: { id: true, version: true },
    });
    await audit(tx, { actorId, action: 'priceBook.save', entity: 'PriceBookVersion', entityId: v.id, data: { version: v.version } });
    return v;
  });
}
