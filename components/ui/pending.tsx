'use client';

import type { ComponentProps, ReactNode } from 'react';
import { Button } from './form';

/**
 * The one sign that something is under way (issue 16: wherever a person waits more than 300 ms). A spinner that
 * screen readers skip, a button that is disabled and says what it is doing while its action runs, and a line of
 * text for waits that are not a button's (cost lines being computed, a preview being read).
 */
export function Spinner({ className = 'size-4' }: { className?: string }) {
  return (
    <svg className={`animate-spin motion-reduce:animate-none ${className}`} viewBox="0 0 24 24" fill="none" aria-hidden="true" data-testid="spinner">
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

/** A button whose action is running: disabled, busy for assistive technology, a spinner and "正在…" text. */
export function PendingButton({
  pending,
  pendingLabel,
  children,
  disabled,
  ...props
}: ComponentProps<typeof Button> & { pending: boolean; pendingLabel: ReactNode }) {
  return (
    <Button {...props} disabled={disabled || pending} aria-busy={pending || undefined}>
      {pending ? (
        <>
          <Spinner />
          {pendingLabel}
        </>
      ) : (
        children
      )}
    </Button>
  );
}

/** A wait that is not a button's: a polite live region with a spinner and what is being done. */
export function PendingNote({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <p role="status" className={`inline-flex items-center gap-2 text-sm text-slate-600 ${className}`} data-testid="pending-note">
      <Spinner />
      {children}
    </p>
  );
}
