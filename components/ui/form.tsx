import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';

export const inputClass =
  'block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 aria-[invalid=true]:border-red-400 disabled:bg-slate-100';

/** A labelled field with its error, if any, below it. */
export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
  className = '',
}: {
  label: ReactNode;
  htmlFor: string;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p className="mt-1 text-xs text-red-700" id={`${htmlFor}-error`} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

const buttonTones = {
  primary: 'bg-teal-700 text-white hover:bg-teal-800 shadow-sm',
  secondary: 'border border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
  danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50',
} as const;
const buttonBase =
  'inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-lg px-3.5 py-2 text-sm font-medium transition disabled:opacity-60';

export function Button({ tone = 'primary', className = '', ...props }: ComponentProps<'button'> & { tone?: keyof typeof buttonTones }) {
  return <button type="button" {...props} className={`${buttonBase} ${buttonTones[tone]} ${className}`} />;
}

export function LinkButton({ tone = 'secondary', className = '', ...props }: ComponentProps<typeof Link> & { tone?: keyof typeof buttonTones }) {
  return <Link {...props} className={`${buttonBase} ${buttonTones[tone]} ${className}`} />;
}

/**
 * A file download styled as a button: a plain link, so that a click asks for the file once (a client-side navigation
 * link first fetches the address as a page, then as a document: the export ran twice).
 */
export function DownloadButton({ tone = 'secondary', className = '', ...props }: ComponentProps<'a'> & { tone?: keyof typeof buttonTones }) {
  return <a {...props} className={`${buttonBase} ${buttonTones[tone]} ${className}`} />;
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="form-error">
      {message}
    </p>
  );
}
