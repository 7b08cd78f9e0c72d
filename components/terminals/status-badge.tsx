import { Badge } from '@/components/ui/badge';

export type TerminalStatus = 'reporting' | 'silent' | 'never' | 'revoked';
const tones = { reporting: 'teal', silent: 'amber', never: 'slate', revoked: 'red' } as const;

/** A terminal's health in one word (the label is already in the reader's language). */
export function TerminalStatusBadge({ status, label }: { status: TerminalStatus; label: string }) {
  return (
    <span data-testid="terminal-status" data-status={status}>
      <Badge tone={tones[status]}>{label}</Badge>
    </span>
  );
}
