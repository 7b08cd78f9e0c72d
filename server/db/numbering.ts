/**
 * Sequential document numbers (P-2026-001, C-2026-…) are counted inside the transaction that creates the document.
 * Two users creating at the same moment would count the same number and one would fail on the unique key; a
 * transaction-scoped advisory lock on the series makes them take turns instead. It is released at COMMIT/ROLLBACK.
 */
type Raw = { $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => PromiseLike<number> };

export async function lockNumberSeries(tx: Raw, series: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${series}, 0))`;
}
