'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useRef } from 'react';
import { Button } from './form';
import { PendingButton } from './pending';

/**
 * A modal confirmation before a step that commits money: what will happen, in plain words, then confirm or go back.
 * The native <dialog> keeps focus inside and closes on Escape.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  tone = 'primary',
  busy = false,
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  tone?: 'primary' | 'danger';
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const tp = useTranslations('pending');
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
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      aria-labelledby={testId ? `${testId}-title` : undefined}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      data-testid={testId}
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={testId ? `${testId}-title` : undefined} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          <div className="space-y-2 text-sm text-slate-700">{children}</div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button tone="secondary" onClick={onCancel} disabled={busy} data-testid="confirm-cancel">
              {cancelLabel}
            </Button>
            <PendingButton tone={tone} onClick={onConfirm} pending={busy} pendingLabel={tp('working')} data-testid="confirm-ok">
              {confirmLabel}
            </PendingButton>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
