import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { ScrollArea } from './scroll-area';

/**
 * The one table of the app. From 640 px up it is a table that scrolls sideways inside a `ScrollArea` (shadows show
 * that it does, and it can be scrolled by keyboard); below 640 px each row is a card: the first cell is its title, the
 * other cells follow with their column's name above the value, so status and amounts are read without scrolling.
 * Each `Td` of a row written in place (`<tr><Td/>…</tr>`) is given its column's name from `head`.
 */
export function Table({ head, children, caption }: { head: ReactNode[]; children: ReactNode; caption?: string }) {
  const labels = head.map((h) => (typeof h === 'string' ? h : ''));
  const rows = Children.map(children, (row) => {
    if (!isValidElement<{ className?: string; children?: ReactNode }>(row) || row.type !== 'tr') return row;
    let i = 0;
    const pinned = Children.toArray(row.props.children).some((c) => isValidElement<TdProps>(c) && c.type === Td && c.props.pin);
    const cells = Children.map(row.props.children, (cell) => {
      if (!isValidElement(cell)) return cell;
      const index = i++;
      return cell.type === Td ? cloneElement(cell as ReactElement<TdProps>, { label: labels[index], first: index === 0, beside: pinned }) : cell;
    });
    return cloneElement(row, { className: `${row.props.className ?? ''} ${rowCard}` }, cells);
  });
  return (
    <ScrollArea label={caption ?? labels.filter(Boolean).join(' · ')} className="-mx-5 max-sm:mx-0 max-sm:overflow-visible">
      <table className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-50 max-sm:sr-only">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="whitespace-nowrap px-5 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block max-sm:space-y-3 max-sm:divide-y-0">{rows}</tbody>
      </table>
    </ScrollArea>
  );
}

const rowCard =
  'max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] max-sm:gap-x-4 max-sm:gap-y-2 max-sm:rounded-lg max-sm:border max-sm:border-slate-200 max-sm:p-3';

type TdProps = {
  children?: ReactNode;
  numeric?: boolean;
  className?: string;
  title?: string;
  /** On a phone's card the cell takes the whole width (long text: reasons, notes). */
  wide?: boolean;
  /** On a phone's card the cell stands beside the title, without its column's name (the status). */
  pin?: boolean;
  beside?: boolean;
  label?: string;
  first?: boolean;
};

export function Td({ children, numeric = false, className = '', title, wide = false, pin = false, label, first = false, beside = false }: TdProps) {
  const phone = (first && !beside) || wide ? 'max-sm:col-span-2 ' : '';
  const phoneCell = first
    ? 'max-sm:order-[-2] max-sm:font-semibold'
    : pin
      ? 'max-sm:order-[-1] max-sm:justify-self-end max-sm:text-right'
      : 'max-sm:min-w-0 max-sm:before:block max-sm:before:text-xs max-sm:before:font-normal max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]';
  const onPhone = `${phone}${phoneCell}`;
  return (
    <td
      data-label={label || undefined}
      // a shortened cell (truncate) keeps its whole text on hover
      title={title ?? (/\btruncate\b/.test(className) && typeof children === 'string' ? children : undefined)}
      className={`${/\bwhitespace-/.test(className) ? '' : 'whitespace-nowrap'} px-5 py-2.5 text-slate-700 ${numeric ? 'text-right tabular-nums max-sm:text-left' : ''} ${className} max-sm:block max-sm:max-w-none max-sm:overflow-visible max-sm:whitespace-normal max-sm:break-words max-sm:p-0 max-sm:[&_input]:max-w-full max-sm:[&_select]:max-w-full ${onPhone}`}
    >
      {children}
    </td>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="py-6 text-center text-sm text-slate-600">{children}</p>;
}
