import { z } from 'zod';
import { idSchema } from '../../domain/inputs/bounds';
import { optionalSafeText, safeText } from '../../domain/inputs/safe-text';
import { assessmentInput } from '../../domain/maturity/inputs';
import { locales } from '../../i18n/locales';
import {
  createAssessment,
  getAssessment,
  getClusterMaturity,
  getPathway,
  listAssessments,
  signOffAssessment,
  updateAssessment,
} from '../../services/assessments/assessments';
import { assessmentTemplate, commitAssessmentImport, previewAssessmentImport } from '../../services/assessments/import-assessments';
import { readFile, storeFile } from '../../services/files/files';
import { importFileInput } from '../import-form';
import { authedProcedure, integratorProcedure, router, scopedProcedure, withPermission } from '../init';

const cuid = idSchema;
const writer = integratorProcedure.use(withPermission('inventory.write'));
const fileInput = importFileInput;

export const assessmentsRouter = router({
  list: scopedProcedure.input(z.object({ smeClientId: cuid })).query(({ ctx, input }) => listAssessments(ctx.db, ctx.scope, input.smeClientId)),
  get: scopedProcedure.input(z.object({ id: cuid })).query(({ ctx, input }) => getAssessment(ctx.db, ctx.scope, input.id)),
  pathway: scopedProcedure.input(z.object({ smeClientId: cuid })).query(({ ctx, input }) => getPathway(ctx.db, input.smeClientId)),
  create: writer.input(assessmentInput.extend({ smeClientId: cuid })).mutation(({ ctx, input }) => {
    const { smeClientId, ...rest } = input;
    return createAssessment(ctx.db, ctx.scope, ctx.user.id, smeClientId, rest);
  }),
  update: writer.input(assessmentInput.extend({ id: cuid })).mutation(({ ctx, input }) => {
    const { id, ...rest } = input;
    return updateAssessment(ctx.db, ctx.user.id, id, rest);
  }),
  signOff: writer.input(z.object({ id: cuid })).mutation(({ ctx, input }) => signOffAssessment(ctx.db, ctx.user.id, input.id)),
  clusterMaturity: integratorProcedure.input(z.object({ clusterId: cuid })).query(({ ctx, input }) => getClusterMaturity(ctx.db, input.clusterId)),
  /** Server-side only (upload route handler). */
  previewImport: writer.input(fileInput).mutation(({ ctx, input }) => previewAssessmentImport(ctx.db, ctx.user.name, input)),
  commitImport: writer
    .input(fileInput)
    .mutation(({ ctx, input }) => commitAssessmentImport(ctx.db, ctx.scope, { id: ctx.user.id, name: ctx.user.name }, input)),
  template: authedProcedure.input(z.object({ format: z.enum(['csv', 'xlsx']), locale: z.enum(locales) })).query(({ input }) => assessmentTemplate(input)),
  /** Server-side only (evidence upload and download route handlers). */
  uploadFile: writer
    .input(z.object({ smeClientId: cuid, fileName: safeText(255), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'file') }))
    .mutation(({ ctx, input }) => storeFile(ctx.db, ctx.scope, ctx.user.id, input)),
  downloadFile: scopedProcedure.input(z.object({ id: cuid })).query(({ ctx, input }) => readFile(ctx.db, ctx.scope, input.id)),
});
