'use client';

import { useTranslations } from 'next-intl';
import { DownloadFetchButton } from '@/components/ui/download-fetch-button';

/**
 * Downloads the quote's PDF, showing that it is being made (the first render of a quote takes a second or two, and a
 * busy server may ask to try again later: its message is shown as it came, in the user's language).
 */
export function PdfButton({ quoteId, fileName }: { quoteId: string; fileName: string }) {
  const t = useTranslations('projects.quote');
  return (
    <DownloadFetchButton
      href={`/api/v1/quotes/${quoteId}/pdf`}
      fileName={fileName}
      label={t('pdf')}
      busyLabel={t('pdfRendering')}
      failedText={t('pdfFailed')}
      testId="quote-pdf"
    />
  );
}
