import { createFormatter } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { PackDocument } from '@/components/acceptance/pack-document';
import type { Tr } from '@/components/acceptance/pack-parts';
import { PrintButton } from '@/components/projects/print-button';
import { type AppLocale, isLocale, timeZone } from '@/server/i18n/locales';
import { serverTranslator } from '@/server/i18n/messages';
import { getServerCaller, orNotFound } from '@/server/trpc/server';

/**
 * A project's acceptance pack as one A4 document, in Chinese or (with ?lang=en) English whatever the reader's own
 * language; the pack route renders it to the PDF of the ZIP (?pdf=1 hides the print button).
 */
export default async function PackPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ pdf?: string; lang?: string }> }) {
  const { id } = await params;
  const { pdf, lang } = await searchParams;
  const locale: AppLocale = isLocale(lang) ? lang : ((await getLocale()) as AppLocale);
  const api = await getServerCaller();
  const pack = await orNotFound(() => api.acceptance.pack({ projectId: id }));
  // the document's own language (?lang=), whatever the reader's: a translator of that catalogue, not the request's
  const t = serverTranslator(locale);
  const format = createFormatter({ locale, timeZone });
  const generatedAt = format.dateTime(new Date(), { dateStyle: 'long', timeStyle: 'short' });
  return (
    <article
      lang={locale}
      className="mx-auto max-w-[210mm] bg-white p-4 text-[12.5px] sm:p-10 leading-relaxed text-slate-900 shadow print:max-w-none print:p-0 print:shadow-none"
      data-testid="pack-document"
    >
      <style>{'@page { size: A4; margin: 16mm 14mm; } @media print { .no-print { display: none !important; } tr, li { break-inside: avoid; } }'}</style>
      {pdf ? null : (
        <div className="no-print mb-6 flex justify-end gap-2">
          <PrintButton label={t('projects.quote.print')} />
        </div>
      )}
      <PackDocument pack={pack} t={t as unknown as Tr} locale={locale} generatedAt={generatedAt} />
    </article>
  );
}
