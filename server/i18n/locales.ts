export const locales = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = 'zh-CN';
export const localeCookie = 'NEXT_LOCALE';
export const timeZone = 'Asia/Shanghai';

export function isLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (locales as readonly string[]).includes(v);
}

/** The database enum spells zh-CN as zh_CN. */
export function toDbLocale(l: AppLocale): 'zh_CN' | 'en' {
  return l === 'zh-CN' ? 'zh_CN' : 'en';
}
export function fromDbLocale(l: 'zh_CN' | 'en'): AppLocale {
  return l === 'zh_CN' ? 'zh-CN' : 'en';
}
