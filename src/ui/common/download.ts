/**
 * Hand the learner a real file (a certificate, a CSR, an ITL, a log): a Blob behind an object URL, clicked
 * through a temporary `<a download>` so the browser saves it under the name CUCM and the lab runner use.
 */
export type FileContent = string | Uint8Array;

export const TEXT = 'text/plain;charset=utf-8';

export function toBlob(content: FileContent, type: string): Blob {
  // A copy into a plain ArrayBuffer: Blob parts must not be views on a shared or resizable buffer.
  const part = typeof content === 'string' ? content : content.slice().buffer;
  return new Blob([part], { type });
}

/** Who is told of each download (the session records it: a tutorial step is done when a file was saved). */
const listeners = new Set<(fileName: string) => void>();

export function onDownload(listener: (fileName: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function saveFile(fileName: string, content: FileContent, type = 'application/octet-stream'): void {
  for (const l of listeners) l(fileName);
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(toBlob(content, type));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoke once the browser has had it (earlier, some cancel the download), so repeated downloads do not leak.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/** A link target for a file shown on the page (the CSR): the caller revokes it when it is replaced. */
export function objectUrl(data: string, type: string): string | null {
  if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return null;
  return URL.createObjectURL(new Blob([data], { type }));
}
