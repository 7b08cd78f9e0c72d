import { z } from 'zod';
import { optionalSafeText, safeText } from '../domain/inputs/safe-text';
import { textEncodings } from '../domain/inventory/file-kind';

/** The fields of an import upload that both import routes share: the file, the sheet, the encoding the user chose. */
export async function importFormFields(form: FormData, file: File) {
  const encoding = form.get('encoding');
  return {
    fileName: file.name || 'upload',
    bytes: new Uint8Array(await file.arrayBuffer()),
    sheet: (form.get('sheet') as string | null) || null,
    encoding: typeof encoding === 'string' && (textEncodings as readonly string[]).includes(encoding) ? (encoding as (typeof textEncodings)[number]) : null,
  };
}

/** The zod form of the same fields, for the import procedures. */
export const importFileInput = z.object({
  fileName: safeText(255),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'file'),
  sheet: optionalSafeText(100),
  encoding: z.enum(textEncodings).nullish(),
});
