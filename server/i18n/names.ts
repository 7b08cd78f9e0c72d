/** Chinese proper names are the legal ones; English pages show the English name where one is kept. */
export function localName(locale: string, name: string, nameEn?: string | null): string {
  return locale === 'en' && nameEn ? nameEn : name;
}
