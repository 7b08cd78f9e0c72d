export { listJoin, localName } from '@/server/i18n/names';
