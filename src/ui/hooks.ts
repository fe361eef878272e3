// Small hooks shared by the pages.
import { useEffect, useRef } from 'preact/hooks';

/** Focuses the element whenever `key` changes (the card's heading when a new card opens). */
export function useFocusOn<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== null && key !== undefined) ref.current?.focus();
  }, [key]);
  return ref;
}

/** Reads a File's text; Blob.text where present, FileReader otherwise (older jsdom). */
export function readFileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result ?? ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsText(file);
  });
}

/** The message of anything thrown, for role=alert texts. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
