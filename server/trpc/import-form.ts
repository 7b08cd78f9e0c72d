import { z } from 'zod';
import { AppError } from '../domain/errors/app-error';
import { optionalSafeText, safeText } from '../domain/inputs/safe-text';
import { columnKeys, type ManualMapping } from '../domain/inventory/columns';
import { textEncodings } from '../domain/inventory/file-kind';

/** The fields of an import upload that both import routes share: the file, the sheet, the encoding the user chose. */
export async function importFormFields(form: FormData, file: File) {
  const encoding = form.get('encoding');
  return {
    fileName: file.name || 'upload',
    bytes: new Uint8Array(await file.arrayBuffer()),
    sheet: (form.get('sheet') as string | null) || null,
    encoding: typeof encoding === 'string' && (textEncodings as readonly string[]).includes(encoding) ? (encoding as (typeof textEncodings)[number]) : null,
    mapping: mappingField(form.get('mapping')),
  };
}

/** The mapping step's choices as sent by the wizard (JSON); anything unreadable is a 400, never a 500. */
function mappingField(v: FormDataEntryValue | null): ManualMapping | null {
  if (typeof v !== 'string' || v === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(v);
  } catch {
    throw new AppError('BAD_REQUEST', 'import.badMapping');
  }
  const parsed = manualMappingInput.safeParse(json);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'import.badMapping');
  return parsed.data ?? null;
}

/** The mapping step's choices: header as written → column key, or null to ignore it; at most 200 columns. */
export const manualMappingInput = z
  .record(z.string().trim().min(1).max(200), z.enum(columnKeys).nullable())
  .refine((m) => Object.keys(m).length <= 200, 'too many columns')
  .nullish();

/** The zod form of the same fields, for the import procedures. */
export const importFileInput = z.object({
  fileName: safeText(255),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'file'),
  sheet: optionalSafeText(100),
  encoding: z.enum(textEncodings).nullish(),
  mapping: manualMappingInput,
});
