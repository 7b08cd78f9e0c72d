'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc/provider';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button, FormError, inputClass } from '@/components/ui/form';
import { PendingButton } from '@/components/ui/pending';
import type { ShiftCalendar } from '@/server/domain/telemetry/calendar';
import { minutesOf } from '@/server/domain/telemetry/clock';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** Planned minutes of one working day: each shift's length (ends past midnight count into the next day) less its breaks. */
function plannedMinutesPerDay(c: ShiftCalendar): number {
  const span = (start: string, end: string) => {
    const s = minutesOf(start);
    let e = minutesOf(end);
    while (e <= s) e += 1440;
    return e - s;
  };
  return c.shifts.reduce((sum, s) => sum + span(s.start, s.end) - s.breaks.reduce((b, x) => b + span(x.start, x.end), 0), 0);
}

function CalendarView({ calendar }: { calendar: ShiftCalendar }) {
  const t = useTranslations('shiftCalendar');
  const crosses = (s: { start: string; end: string }) => minutesOf(s.end) <= minutesOf(s.start) && s.end !== '24:00';
  return (
    <div className="space-y-3 text-sm" data-testid="calendar-view">
      <ul className="space-y-1">
        {calendar.shifts.map((s) => (
          <li key={s.name} className="flex flex-wrap gap-x-3">
            <span className="font-medium text-slate-900">{s.name}</span>
            <span className="tabular-nums">
              {s.start}–{s.end}
              {crosses(s) ? <span className="ml-1 text-xs text-slate-500">({t('crossesMidnight')})</span> : null}
            </span>
            <span className="text-slate-500">
              {t('breaks')}: {s.breaks.length ? s.breaks.map((b) => `${b.start}–${b.end}`).join(', ') : t('noBreaks')}
            </span>
          </li>
        ))}
      </ul>
      <p>
        <span className="text-slate-500">{t('weekdays')}: </span>
        {calendar.workingWeekdays.map((d) => t(`weekday.${d}` as 'weekday.1')).join(' ')}
      </p>
      <p className="break-words">
        <span className="text-slate-500">{t('nonWorkingDates')}: </span>
        {calendar.nonWorkingDates.length ? calendar.nonWorkingDates.join(', ') : t('noDates')}
      </p>
      <p className="break-words">
        <span className="text-slate-500">{t('workingDates')}: </span>
        {calendar.workingDates.length ? calendar.workingDates.join(', ') : t('noDates')}
      </p>
      <p className="text-slate-600" data-testid="calendar-planned">
        {t('plannedPerWeek', { hours: Math.round(((plannedMinutesPerDay(calendar) * calendar.workingWeekdays.length) / 60) * 10) / 10 })}
      </p>
    </div>
  );
}

const timeInput = `${inputClass} w-[5.5rem] px-2 font-mono tabular-nums`;

/**
 * An SME's shift calendar: read by everyone who sees the SME, edited by staff (shifts with their breaks, working
 * weekdays, holidays and make-up working days). Without one the default is shown, and said to be the default.
 */
export function ShiftCalendarEditor({
  smeClientId,
  calendar,
  usesDefault,
  replanning = false,
  canEdit,
}: {
  smeClientId: string;
  calendar: ShiftCalendar;
  usesDefault: boolean;
  /** the roll-up job is still planning the stored hours again with this calendar */
  replanning?: boolean;
  canEdit: boolean;
}) {
  const t = useTranslations('shiftCalendar');
  const tt = useTranslations('terminals');
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.shiftCalendar.save.mutationOptions());
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<ShiftCalendar>(calendar);
  const [holidays, setHolidays] = useState(calendar.nonWorkingDates.join('\n'));
  const [makeUp, setMakeUp] = useState(calendar.workingDates.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);

  const lines = (s: string) =>
    s
      .split(/[\s,，、]+/)
      .map((x) => x.trim())
      .filter(Boolean);
  async function submit(next: ShiftCalendar | null) {
    setError(null);
    try {
      await save.mutateAsync({ smeClientId, calendar: next });
      setEditing(false);
      setResetting(false);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const setShift = (i: number, patch: Partial<ShiftCalendar['shifts'][number]>) =>
    setDraft((d) => ({ ...d, shifts: d.shifts.map((s, k) => (k === i ? { ...s, ...patch } : s)) }));

  if (!editing)
    return (
      <div className="space-y-3">
        <p
          className={`rounded-lg px-3 py-2 text-sm ${usesDefault ? 'bg-amber-50 text-amber-900' : 'bg-slate-50 text-slate-700'}`}
          data-testid="calendar-default-note"
        >
          {usesDefault ? t('usesDefault') : t('own')}
        </p>
        {replanning ? (
          <p className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="calendar-replanning" role="status">
            {t('replanning')}
          </p>
        ) : null}
        <CalendarView calendar={calendar} />
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Button
              onClick={() => {
                setDraft(calendar);
                setHolidays(calendar.nonWorkingDates.join('\n'));
                setMakeUp(calendar.workingDates.join('\n'));
                setEditing(true);
              }}
              data-testid="calendar-edit"
            >
              {t('edit')}
            </Button>
            {usesDefault ? null : (
              <Button tone="secondary" onClick={() => setResetting(true)} data-testid="calendar-reset">
                {t('useDefault')}
              </Button>
            )}
            <ConfirmDialog
              open={resetting}
              title={t('useDefaultTitle')}
              confirmLabel={t('useDefault')}
              cancelLabel={tt('cancel')}
              busy={save.isPending}
              onConfirm={() => void submit(null)}
              onCancel={() => setResetting(false)}
            >
              <p>{t('useDefaultBody')}</p>
              <FormError message={error} />
            </ConfirmDialog>
          </div>
        ) : null}
      </div>
    );

  return (
    <form
      className="space-y-4"
      data-testid="calendar-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ ...draft, nonWorkingDates: lines(holidays), workingDates: lines(makeUp) });
      }}
    >
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t('shifts')}</legend>
        {draft.shifts.map((s, i) => (
          <div key={i} className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="calendar-shift">
            <div className="flex flex-wrap items-end gap-2">
              <label className="text-xs text-slate-600">
                {t('shiftName')}
                <input
                  value={s.name}
                  onChange={(e) => setShift(i, { name: e.target.value })}
                  className={`${inputClass} mt-1 w-24`}
                  data-testid={`shift-${i}-name`}
                />
              </label>
              <label className="text-xs text-slate-600">
                {t('start')}
                <input
                  value={s.start}
                  onChange={(e) => setShift(i, { start: e.target.value })}
                  placeholder="08:00"
                  inputMode="numeric"
                  className={`${timeInput} mt-1`}
                  data-testid={`shift-${i}-start`}
                />
              </label>
              <label className="text-xs text-slate-600">
                {t('end')}
                <input
                  value={s.end}
                  onChange={(e) => setShift(i, { end: e.target.value })}
                  placeholder="16:00"
                  inputMode="numeric"
                  className={`${timeInput} mt-1`}
                  data-testid={`shift-${i}-end`}
                />
              </label>
              <Button tone="secondary" className="ml-auto px-2.5 py-1" onClick={() => setDraft((d) => ({ ...d, shifts: d.shifts.filter((_, k) => k !== i) }))}>
                {t('removeShift')}
              </Button>
            </div>
            <div className="flex flex-wrap items-end gap-2">
              <span className="text-xs text-slate-600">{t('breaks')}:</span>
              {s.breaks.map((b, j) => (
                <span key={j} className="inline-flex items-center gap-1">
                  <input
                    aria-label={`${t('breaks')} ${j + 1} ${t('start')}`}
                    value={b.start}
                    onChange={(e) => setShift(i, { breaks: s.breaks.map((x, k) => (k === j ? { ...x, start: e.target.value } : x)) })}
                    className={timeInput}
                  />
                  –
                  <input
                    aria-label={`${t('breaks')} ${j + 1} ${t('end')}`}
                    value={b.end}
                    onChange={(e) => setShift(i, { breaks: s.breaks.map((x, k) => (k === j ? { ...x, end: e.target.value } : x)) })}
                    className={timeInput}
                  />
                  <Button
                    tone="secondary"
                    className="px-2 py-1"
                    aria-label={t('removeBreak')}
                    onClick={() => setShift(i, { breaks: s.breaks.filter((_, k) => k !== j) })}
                  >
                    ✕
                  </Button>
                </span>
              ))}
              <Button tone="secondary" className="px-2.5 py-1" onClick={() => setShift(i, { breaks: [...s.breaks, { start: '12:00', end: '12:30' }] })}>
                {t('addBreak')}
              </Button>
            </div>
          </div>
        ))}
        {draft.shifts.length < 4 ? (
          <Button
            tone="secondary"
            onClick={() =>
              setDraft((d) => ({ ...d, shifts: [...d.shifts, { name: String.fromCharCode(65 + d.shifts.length), start: '00:00', end: '08:00', breaks: [] }] }))
            }
            data-testid="calendar-add-shift"
          >
            {t('addShift')}
          </Button>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('weekdays')}</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {weekdays.map((d) => (
            <label key={d} className="inline-flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                className="h-4 w-4 rounded border-slate-300"
                checked={draft.workingWeekdays.includes(d)}
                onChange={(e) =>
                  setDraft((c) => ({
                    ...c,
                    workingWeekdays: e.target.checked ? [...c.workingWeekdays, d].sort() : c.workingWeekdays.filter((x) => x !== d),
                  }))
                }
                data-testid={`weekday-${d}`}
              />
              {t(`weekday.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <label className="text-sm font-medium text-slate-700">
          {t('nonWorkingDates')}
          <textarea
            rows={4}
            value={holidays}
            onChange={(e) => setHolidays(e.target.value)}
            className={`${inputClass} mt-1 font-mono`}
            placeholder="2026-10-01"
            data-testid="calendar-holidays"
          />
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t('workingDates')}
          <textarea
            rows={4}
            value={makeUp}
            onChange={(e) => setMakeUp(e.target.value)}
            className={`${inputClass} mt-1 font-mono`}
            placeholder="2026-10-11"
            data-testid="calendar-makeup"
          />
        </label>
      </div>
      <p className="text-xs text-slate-500">{t('datesHint')}</p>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <PendingButton type="submit" data-testid="calendar-save" pending={save.isPending} pendingLabel={t('saving')}>
          {t('save')}
        </PendingButton>
        <Button tone="secondary" onClick={() => setEditing(false)}>
          {tt('cancel')}
        </Button>
      </div>
    </form>
  );
}
