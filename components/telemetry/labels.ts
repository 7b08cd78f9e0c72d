/** Colours and bands shared by the telemetry pages; every colour is shown with its text, never alone. */
import { DEFAULT_HEARTBEAT_TIMEOUT_MS } from '@/server/domain/telemetry/engine';

/**
 * "Offline" means nothing heard for this many minutes (the heartbeat timeout): said with the word, because the plant
 * floor also lists machines with no data for longer than a shift, a different thing.
 */
export const OFFLINE_MINUTES = DEFAULT_HEARTBEAT_TIMEOUT_MS / 60_000;

export type Band = 'poor' | 'fair' | 'good' | 'none';

/** Typical utilization bands (DOMAIN.md): below 65 % poor, 65–85 % fair, above 85 % good. */
export function bandOf(utilization: number | null | undefined): Band {
  if (utilization === null || utilization === undefined) return 'none';
  return utilization < 0.65 ? 'poor' : utilization <= 0.85 ? 'fair' : 'good';
}

export const bandClasses: Record<Band, string> = {
  poor: 'bg-red-50 text-red-800 ring-red-200',
  fair: 'bg-amber-50 text-amber-900 ring-amber-200',
  good: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  none: 'bg-slate-50 text-slate-600 ring-slate-200',
};

/** Timeline colours (fills), and the unknown state as a light hatch. */
export const stateFill: Record<string, string> = {
  running: '#16a34a',
  idle: '#f59e0b',
  stopped: '#64748b',
  alarm: '#dc2626',
  setup: '#2563eb',
  unknown: '#e2e8f0',
};

export const statusClasses: Record<string, string> = {
  running: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  idle: 'bg-amber-50 text-amber-900 ring-amber-200',
  stopped: 'bg-slate-100 text-slate-700 ring-slate-300',
  alarm: 'bg-red-50 text-red-800 ring-red-200',
  setup: 'bg-blue-50 text-blue-800 ring-blue-200',
  offline: 'bg-white text-slate-600 ring-slate-300 ring-dashed',
  never: 'bg-white text-slate-500 ring-slate-200',
  noTerminal: 'bg-white text-slate-400 ring-slate-200',
};

/** 0.7234 → "72"; null → null. */
export function percentText(v: number | null | undefined): string | null {
  return v === null || v === undefined ? null : String(Math.round(v * 100));
}
