import { getTranslations } from 'next-intl/server';
import { type IngestResult, ingestResults } from '@/server/domain/telemetry/payload';

/**
 * A terminal's stored problem ("code: detail"): the kind in the reader's language, the parser's detail (the protocol's
 * own field names and values, as the terminal sent them) kept verbatim beside it as technical detail.
 */
export async function ProblemText({ text, at }: { text: string; at: string }) {
  const t = await getTranslations('telemetry.health');
  const cut = text.indexOf(': ');
  const code = cut > 0 ? text.slice(0, cut) : text;
  const detail = cut > 0 ? text.slice(cut + 2) : '';
  const known = (ingestResults as readonly string[]).includes(code);
  return (
    <span>
      {known ? t(`problems.${code as IngestResult}`) : code} · {at}
      {detail ? (
        <span className="block text-xs text-slate-600">
          {t('problemDetail')}: <code className="break-all font-mono">{detail}</code>
        </span>
      ) : null}
    </span>
  );
}
