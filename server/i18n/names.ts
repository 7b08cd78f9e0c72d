/** Chinese proper names are the legal ones; English pages show the English name where one is kept. */
export function localName(locale: string, name: string, nameEn?: string | null): string {
  return locale === 'en' && nameEn ? nameEn : name;
}

/** A plain enumeration in the reader's language: 甲、乙、丙 in Chinese, "a, b, c" in English. */
export function listJoin(locale: string, items: readonly string[]): string {
  return items.join(locale.startsWith('zh') ? '、' : ', ');
}
