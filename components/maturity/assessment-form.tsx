'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { Button, Field, FormError, inputClass } from '@/components/ui/form';
import { listJoin } from '@/components/ui/names';
import { type Component, components, formatCode, type Level } from '@/server/domain/maturity/code';
import { type AssessmentKind, assessmentKinds } from '@/server/domain/maturity/kinds';
import { applyOverrides, suggestLevels } from '@/server/domain/maturity/suggest';
import { type TechnologyCode, technologiesOf } from '@/server/domain/maturity/technologies';

type Evidence = { note: string; fileId: string | null; fileName: string | null };
export type AssessmentFormInitial = {
  assessedOn: string;
  kind: AssessmentKind;
  assessorName: string;
  evidence: { technology: TechnologyCode; note: string | null; fileId: string | null; fileName: string | null }[];
  overrides: { component: Component; level: Level; reason: string }[];
  nationalLevel: number | null;
  nationalScore: number | null;
  notes: string | null;
};

/**
 * The assessment checklist (Table 1): tick technologies with evidence; the suggested D/N/I levels follow live;
 * the assessor may override a level with a written reason. Save as a draft, or save and sign off (read-only after).
 */
export function AssessmentForm({ smeClientId, id, initial, today }: { smeClientId: string; id?: string; initial: AssessmentFormInitial; today: string }) {
  const t = useTranslations('assessments');
  const locale = useLocale();
  const tAll = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.assessments.create.mutationOptions());
  const update = useMutation(trpc.assessments.update.mutationOptions());
  const [assessedOn, setAssessedOn] = useState(initial.assessedOn);
  const [kind, setKind] = useState<AssessmentKind>(initial.kind);
  const [assessorName, setAssessorName] = useState(initial.assessorName);
  const [ticked, setTicked] = useState<Map<TechnologyCode, Evidence>>(
    () => new Map(initial.evidence.map((e) => [e.technology, { note: e.note ?? '', fileId: e.fileId, fileName: e.fileName }])),
  );
  const [overrides, setOverrides] = useState<Record<Component, { level: Level | null; reason: string }>>(() => {
    const o = { D: { level: null, reason: '' }, N: { level: null, reason: '' }, I: { level: null, reason: '' } } as Record<
      Component,
      { level: Level | null; reason: string }
    >;
    for (const x of initial.overrides) o[x.component] = { level: x.level, reason: x.reason };
    return o;
  });
  const [nationalLevel, setNationalLevel] = useState<string>(initial.nationalLevel ? String(initial.nationalLevel) : '');
  const [nationalScore, setNationalScore] = useState<string>(initial.nationalScore !== null ? String(initial.nationalScore) : '');
  const [notes, setNotes] = useState(initial.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);

  const suggestion = useMemo(() => suggestLevels([...ticked.keys()]), [ticked]);
  const overrideList = components.flatMap((c) => {
    const o = overrides[c];
    return o.level === null ? [] : [{ component: c, level: o.level, reason: o.reason }];
  });
  const applied = applyOverrides(suggestion, overrideList);
  const missingReason = new Set(applied.ok ? [] : applied.errors.filter((e) => e.problem === 'missingReason').map((e) => e.component));

  function toggle(code: TechnologyCode, on: boolean) {
    setTicked((prev) => {
      const next = new Map(prev);
      if (on) next.set(code, prev.get(code) ?? { note: '', fileId: null, fileName: null });
      else next.delete(code);
      return next;
    });
  }
  function setEvidence(code: TechnologyCode, patch: Partial<Evidence>) {
    setTicked((prev) => new Map(prev).set(code, { ...(prev.get(code) as Evidence), ...patch }));
  }
  async function attach(code: TechnologyCode, file: File) {
    setUploading(code);
    setError(null);
    try {
      const form = new FormData();
      form.set('file', file);
      form.set('smeClientId', smeClientId);
      const res = await fetch('/api/v1/files', { method: 'POST', body: form });
      const body = (await res.json()) as { id?: string; fileName?: string; error?: { message: string } };
      if (!res.ok || !body.id) throw new Error(body.error?.message ?? tAll('errors.internal'));
      setEvidence(code, { fileId: body.id, fileName: body.fileName ?? file.name });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setUploading(null);
    }
  }
  async function submit(signOff: boolean) {
    setError(null);
    if (!applied.ok) {
      setError(tAll('errors.overrideReasonMissing', { component: listJoin(locale, [...missingReason]) }));
      return;
    }
    setBusy(true);
    const input = {
      assessedOn,
      kind,
      assessorName,
      evidence: [...ticked.entries()].map(([technology, e]) => ({ technology, note: e.note || null, fileId: e.fileId })),
      overrides: overrideList,
      nationalLevel: nationalLevel ? Number(nationalLevel) : null,
      nationalScore: nationalScore === '' ? null : Number(nationalScore),
      notes: notes || null,
      signOff,
    };
    try {
      const res = id ? await update.mutateAsync({ ...input, id }) : await create.mutateAsync({ ...input, smeClientId });
      router.push(`/assessments/${res.id}`);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  const finalCode = applied.ok ? applied.code : suggestion;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]" data-testid="assessment-form">
      <div className="grid min-w-0 grid-cols-1 gap-6">
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <Field label={t('date')} htmlFor="assessedOn">
              <input id="assessedOn" type="date" max={today} value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} className={inputClass} />
            </Field>
            <Field label={t('kind')} htmlFor="kind">
              <select id="kind" value={kind} onChange={(e) => setKind(e.target.value as AssessmentKind)} className={inputClass}>
                {assessmentKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('assessor')} htmlFor="assessorName">
              <input id="assessorName" value={assessorName} onChange={(e) => setAssessorName(e.target.value)} className={inputClass} />
            </Field>
          </div>
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-base font-semibold text-slate-800">{t('checklist')}</h2>
          <p className="mt-1 text-sm text-slate-600">{t('checklistIntro')}</p>
          {components.map((c) => (
            <fieldset key={c} className="mt-5" data-testid={`component-${c}`}>
              <legend className="text-sm font-semibold text-teal-800">{t(`components.${c}`)}</legend>
              {([1, 2] as const).map((level) => (
                <div key={level} className="mt-2">
                  <div className="text-xs font-medium text-slate-500">
                    {c}
                    {level}
                  </div>
                  <ul className="mt-1 grid grid-cols-1 items-start gap-2 md:grid-cols-2">
                    {technologiesOf(c, level).map((tech) => {
                      const e = ticked.get(tech.code);
                      return (
                        <li key={tech.code} className={`rounded-lg border p-2.5 text-sm ${e ? 'border-teal-300 bg-teal-50/40' : 'border-slate-200'}`}>
                          <label className="flex items-start gap-2">
                            <input
                              type="checkbox"
                              checked={Boolean(e)}
                              onChange={(ev) => toggle(tech.code, ev.target.checked)}
                              className="mt-0.5 h-4 w-4 rounded border-slate-300"
                              data-testid={`tech-${tech.code}`}
                            />
                            <span>{tAll(`technologies.${tech.code}`)}</span>
                          </label>
                          {e ? (
                            <div className="mt-2 space-y-1.5 pl-6">
                              <input
                                aria-label={t('evidenceNote')}
                                placeholder={t('evidenceNote')}
                                value={e.note}
                                onChange={(ev) => setEvidence(tech.code, { note: ev.target.value })}
                                className={`${inputClass} py-1.5`}
                              />
                              <label className="flex items-center gap-2 text-xs text-slate-600">
                                <span className="rounded-md border border-slate-300 bg-white px-2 py-1">
                                  {uploading === tech.code ? t('uploading') : t('attach')}
                                </span>
                                <input type="file" className="sr-only" onChange={(ev) => ev.target.files?.[0] && attach(tech.code, ev.target.files[0])} />
                                {e.fileName ? <span className="truncate">{t('attached', { name: e.fileName })}</span> : null}
                              </label>
                            </div>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ))}
            </fieldset>
          ))}
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field label={t('nationalLevel')} htmlFor="nationalLevel">
              <select id="nationalLevel" value={nationalLevel} onChange={(e) => setNationalLevel(e.target.value)} className={inputClass}>
                <option value="">—</option>
                {[1, 2, 3, 4].map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('nationalScore')} htmlFor="nationalScore">
              <input
                id="nationalScore"
                type="number"
                min={0}
                max={100}
                value={nationalScore}
                onChange={(e) => setNationalScore(e.target.value)}
                className={inputClass}
              />
            </Field>
            <Field label={t('notes')} htmlFor="notes" className="sm:col-span-2">
              <textarea id="notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} className={inputClass} />
            </Field>
          </div>
        </section>
      </div>
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <div className="text-xs text-slate-500">{t('suggested')}</div>
          <div className="font-mono text-lg" data-testid="suggested-code">
            {formatCode(suggestion)}
          </div>
          <ul className="mt-2 space-y-1 text-xs text-slate-600">
            {suggestion.reasons.map((r) => (
              <li key={r.component}>
                {t(`reasons.${r.rule}`, {
                  component: r.component,
                  count: r.rule === 'atLeastTwoLevel2Items' ? r.level2Items.length : r.level1Items.length + r.level2Items.length,
                })}
              </li>
            ))}
          </ul>
          <div className="mt-4 space-y-3">
            {components.map((c) => (
              <div key={c}>
                <label className="text-xs font-medium text-slate-700" htmlFor={`override-${c}`}>
                  {t(`components.${c}`)} · {t('override')}
                </label>
                <select
                  id={`override-${c}`}
                  value={overrides[c].level ?? ''}
                  onChange={(e) =>
                    setOverrides({ ...overrides, [c]: { ...overrides[c], level: e.target.value === '' ? null : (Number(e.target.value) as Level) } })
                  }
                  className={`${inputClass} mt-1 py-1.5`}
                >
                  <option value="">{t('noOverride')}</option>
                  {[0, 1, 2].map((l) => (
                    <option key={l} value={l}>
                      {c}
                      {l}
                    </option>
                  ))}
                </select>
                {overrides[c].level !== null ? (
                  <textarea
                    aria-label={t('overrideReason')}
                    placeholder={t('overrideReason')}
                    rows={2}
                    value={overrides[c].reason}
                    aria-invalid={missingReason.has(c)}
                    onChange={(e) => setOverrides({ ...overrides, [c]: { ...overrides[c], reason: e.target.value } })}
                    className={`${inputClass} mt-1.5`}
                  />
                ) : null}
              </div>
            ))}
          </div>
          <div className="mt-4 border-t border-slate-100 pt-4">
            <div className="text-xs text-slate-500">{t('final')}</div>
            <div className="font-mono text-2xl font-semibold text-teal-800" data-testid="final-code">
              {formatCode(finalCode)}
            </div>
          </div>
          <div className="mt-4 space-y-2">
            <FormError message={error} />
            <Button className="w-full" disabled={busy || Boolean(uploading)} onClick={() => submit(true)} data-testid="assessment-sign-off">
              {t('saveAndSignOff')}
            </Button>
            <Button tone="secondary" className="w-full" disabled={busy || Boolean(uploading)} onClick={() => submit(false)} data-testid="assessment-save-draft">
              {t('saveDraft')}
            </Button>
          </div>
        </section>
      </aside>
    </div>
  );
}
