import { createTranslator } from 'use-intl/core';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { type AppLocale, timeZone } from './locales';

export const catalogues = { 'zh-CN': zh, en } as const;
export type Messages = typeof zh;

export function messagesFor(locale: AppLocale): Messages {
  return catalogues[locale] as Messages;
}

/** A translator for server code outside React (error messages, logs shown to users). */
export function serverTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messagesFor(locale), timeZone });
}

/** The localized text of an error message key under "errors.", falling back to the generic one. */
export function errorMessage(locale: AppLocale, key: string, params: Record<string, string | number> = {}): string {
  const t = serverTranslator(locale);
  const full = `errors.${key}` as Parameters<typeof t>[0];
  return t.has(full) ? t(full, params) : t('errors.internal');
}

/** The localized text of a validation message key under "validation." (an input schema's issue), or the generic one. */
export function validationMessage(locale: AppLocale, key: string): string {
  const t = serverTranslator(locale);
  const full = `validation.${key}` as Parameters<typeof t>[0];
  return t.has(full) ? t(full) : t('validation.invalid');
}

/** Whether a key names a validation message. */
export function isValidationKey(key: string): boolean {
  return key in messagesFor('en').validation;
}
