'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/**
 * The plumbing every small record form shares: run the mutation, refresh the server-rendered page, and show the
 * server's message (already in the user's language) when it refuses.
 */
export function useSubmit() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function submit(run: () => Promise<unknown>, done?: () => void) {
    setError(null);
    try {
      await run();
      done?.();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return { error, setError, submit };
}
