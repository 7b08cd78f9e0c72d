/** Building blocks of the acceptance pack document (server components; the translator is passed in, for ?lang=). */
import type { ReactNode } from 'react';
import { ScrollArea } from '@/components/ui/scroll-area';

export type Tr = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="mt-6" data-testid={`pack-${id}`}>
      <h2 className="mb-2 break-after-avoid border-b border-slate-300 pb-1 text-base font-semibold text-teal-900">{title}</h2>
      {children}
    </section>
  );
}

export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    // on a phone the name stands above its value (a long name beside it would squeeze the value out of the page)
    <dl className="grid grid-cols-1 gap-x-4 gap-y-0.5 sm:grid-cols-[max-content_minmax(0,1fr)]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-words max-sm:mb-1">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DocTable({ head, rows, right = [], foot }: { head: string[]; rows: ReactNode[][]; right?: number[]; foot?: ReactNode }) {
  const align = (i: number) => (right.includes(i) ? 'text-right tabular-nums' : '');
  return (
    // on a phone's width the table scrolls sideways in its box (printed, it is A4 wide and the box does not clip)
    <ScrollArea label={head.join(' · ')}>
      <table className="w-full border-collapse text-[11.5px]">
        <thead>
          <tr className="border-b border-slate-300 text-left text-slate-500">
            {head.map((h, i) => (
              <th key={h} className={`py-1 pr-2 font-medium ${align(i)}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={k} className="border-b border-slate-100">
              {r.map((c, i) => (
                <td key={i} className={`py-0.5 pr-2 align-top ${align(i)}`}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {/* totals as a body of their own: a tfoot is printed again at the foot of every page the table crosses */}
        {foot ? <tbody className="break-inside-avoid">{foot}</tbody> : null}
      </table>
    </ScrollArea>
  );
}

/** A record's number as printed beside a figure, so that every figure can be traced. */
export function Ref({ children }: { children: ReactNode }) {
  return <span className="whitespace-nowrap text-[10.5px] tabular-nums text-slate-500">{children}</span>;
}

export function bytesText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
