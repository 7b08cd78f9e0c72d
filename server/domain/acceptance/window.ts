/**
 * Contract, invoices and payments must fall inside the programme's date window (pilot-city rules): each dated record
 * is checked against the fund's period, as Asia/Shanghai calendar days (YYYY-MM-DD, compared as text).
 */
export type DatedRecord = { ref: string; day: string | null };
export type WindowVerdict = 'inside' | 'before' | 'after' | 'undated';
export type CheckedRecord<R extends DatedRecord> = R & { verdict: WindowVerdict };

export function checkWindow<R extends DatedRecord>(records: readonly R[], window: { start: string; end: string }): CheckedRecord<R>[] {
  return records.map((r) => ({
    ...r,
    verdict: r.day === null ? 'undated' : r.day < window.start ? 'before' : r.day > window.end ? 'after' : 'inside',
  }));
}

/** The records that break the window (before, after or without a date). */
export function outsideWindow<R extends DatedRecord>(checked: readonly CheckedRecord<R>[]): CheckedRecord<R>[] {
  return checked.filter((c) => c.verdict !== 'inside');
}
