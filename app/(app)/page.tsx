import { homeRedirect } from '@/app/actions/session';

export default async function Root() {
  await homeRedirect();
}
