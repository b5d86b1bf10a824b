import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { engineById, type EngineId } from '@/utils/engines/catalog';
import { missingOrigins } from '@/utils/engines/descriptor';

/**
 * Asks for the hosts an engine sends text to when the reader picks it. The granted hosts are
 * read up front, so that the request is made inside the reader's click (browsers only ask then).
 * `allowEngine` resolves `true` when they are granted already or now; `onDenied` hears the hosts
 * the reader refused.
 */
export function useEngineAccess(onDenied: (hosts: string[]) => void) {
  const [granted, setGranted] = useState<string[]>([]);
  useEffect(() => {
    void browser.permissions.getAll().then((all) => setGranted(all.origins ?? []));
  }, []);

  return (id: EngineId, values: Record<string, string>): Promise<boolean> => {
    const missing = missingOrigins(granted, engineById(id).origins(values));
    if (!missing.length) return Promise.resolve(true);
    return browser.permissions.request({ origins: missing }).then(
      (allowed) => {
        if (allowed) setGranted((all) => [...all, ...missing]);
        else onDenied(missing);
        return allowed;
      },
      () => false,
    );
  };
}
