import { stateFill, statusClasses } from './labels';

/** A machine's status now: a coloured dot and its name (the colour is never the only sign). */
export function StatusBadge({ status, label, testId }: { status: string; label: string; testId?: string }) {
  const dot = stateFill[status] ?? '#cbd5e1';
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusClasses[status] ?? statusClasses.never}`}
      data-testid={testId}
      data-status={status}
    >
      <span
        aria-hidden
        className="h-2 w-2 shrink-0 rounded-full"
        style={{ background: status === 'offline' || status === 'never' || status === 'noTerminal' ? 'transparent' : dot, border: `1.5px solid ${dot}` }}
      />
      {label}
    </span>
  );
}
