/**
 * Moves a project along its life (the domain's state machine decides who may do what); one transaction with the
 * status change record, the quote's decision, the contract on acceptance, and the audit entry.
 */
import type { ScopedDb } from '../../db/scoped';
import { audit } from '../../db/tx';
import type { Role } from '../../domain/auth/scope';
import { AppError } from '../../domain/errors/app-error';
import { checkTransition, type TransitionName } from '../../domain/projects/status';
import { machinesNotReady } from '../../domain/terminals/health';
import { projectTerminalReadiness } from '../telemetry/terminal-lists';
import { signContract } from './contract';
import { issueQuoteVersion } from './issue-quote';

export async function transitionProject(
  db: ScopedDb,
  actor: { id: string; role: Role },
  id: string,
  name: TransitionName,
  opts: { reason?: string | null; assessmentId?: string | null; quoteId?: string | null },
) {
  const p = await db.project.findUnique({ where: { id }, select: { id: true, integratorId: true, smeClientId: true, status: true } });
  if (!p) throw new AppError('NOT_FOUND');
  const check = checkTransition(name, p.status, actor.role, opts);
  if (!check.ok) throw new AppError(check.refusal === 'roleNotAllowed' ? 'FORBIDDEN' : 'PRECONDITION_FAILED', `transition.${check.refusal}`);
  if (name === 'verify') {
    const a = await db.assessment.findUnique({ where: { id: opts.assessmentId as string }, select: { smeClientId: true, status: true } });
    if (!a || a.smeClientId !== p.smeClientId) throw new AppError('NOT_FOUND');
    if (a.status !== 'SIGNED_OFF') throw new AppError('PRECONDITION_FAILED', 'transition.assessmentNotSignedOff');
  }
  return db.$transaction(async (tx) => {
    // commissioned means connected: every machine of the project (but a retired one) has a live terminal that has
    // reported; checked in the transaction, so that a terminal revoked meanwhile is seen
    if (name === 'commission') {
      const missing = machinesNotReady(await projectTerminalReadiness(tx, id));
      if (missing.length)
        throw new AppError('PRECONDITION_FAILED', 'transition.terminalsNotReporting', {
          count: missing.length,
          machines: missing.length > 20 ? `${missing.slice(0, 20).join(', ')} …` : missing.join(', '),
        });
    }
    // the row moves only from the status we checked: a concurrent transition (two accepts) finds nothing to move
    const moved = await tx.project.updateMany({
      where: { id, status: p.status },
      data: {
        status: check.to,
        ...(name === 'cancel' ? { cancelReason: opts.reason?.trim() } : {}),
        ...(name === 'verify' ? { outcomeAssessmentId: opts.assessmentId } : {}),
      },
    });
    if (moved.count !== 1) throw new AppError('CONFLICT', 'transition.concurrent');
    let quote: { id: string; version: number } | null = null;
    if (name === 'issueQuote' || name === 'requote') quote = await issueQuoteVersion(tx, p, actor.id);
    if (name === 'accept' || name === 'decline' || name === 'withdrawQuote') {
      const open = await tx.quote.findFirst({ where: { projectId: id }, orderBy: { version: 'desc' }, select: { id: true, version: true, decision: true } });
      if (!open || open.decision !== null) throw new AppError('CONFLICT', 'transition.concurrent');
      // the owner accepts the version they read: a newer version issued meanwhile must be read first
      if (opts.quoteId && opts.quoteId !== open.id) throw new AppError('CONFLICT', 'transition.quoteChanged');
      const decided = await tx.quote.updateMany({
        where: { id: open.id, decision: null },
        data: {
          decision: name === 'accept' ? 'ACCEPTED' : name === 'decline' ? 'DECLINED' : 'WITHDRAWN',
          decidedAt: new Date(),
          decidedById: actor.id,
          declineReason: name === 'decline' ? opts.reason?.trim() : null,
        },
      });
      if (decided.count !== 1) throw new AppError('CONFLICT', 'transition.concurrent');
      quote = open;
      if (name === 'accept') await signContract(tx, p, open.id);
    }
    await tx.projectStatusChange.create({
      data: {
        integratorId: p.integratorId,
        smeClientId: p.smeClientId,
        projectId: id,
        from: p.status,
        to: check.to,
        transition: name,
        reason: opts.reason?.trim() || null,
        actorId: actor.id,
      },
      select: { id: true },
    });
    await audit(tx, {
      integratorId: p.integratorId,
      actorId: actor.id,
      action: `project.${name}`,
      entity: 'Project',
      entityId: id,
      data: { from: p.status, to: check.to, reason: opts.reason ?? null, ...(quote ? { quoteId: quote.id, version: quote.version } : {}) },
    });
    return { id, status: check.to };
  });
}
