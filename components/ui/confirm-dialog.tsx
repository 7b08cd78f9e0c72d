'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import { Button } from './form';

/**
 * A modal confirmation where money or a decision is committed: the summary of what will happen, a way back, and the
 * one button that does it. The browser's own <dialog> (focus trapped, Esc closes, announced as a dialog).
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  backLabel,
  busy = false,
  tone = 'primary',
  onConfirm,
  onClose,
  testId,
}: {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  backLabel: ReactNode;
  busy?: boolean;
  tone?: 'primary' | 'danger';
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      data-testid={testId}
    >
      <div className="p-5">
        <h2 className="text-lg font-semibold">{title}</h2>
        <div className="mt-3 space-y-2 text-sm text-slate-700">{children}</div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button tone="secondary" onClick={onClose} disabled={busy}>
            {backLabel}
          </Button>
          <Button tone={tone} onClick={onConfirm} disabled={busy} data-testid={testId ? `${testId}-confirm` : undefined}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
