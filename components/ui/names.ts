export { localName } from '@/server/i18n/names';
