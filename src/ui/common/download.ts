/**
 * Hand the learner a real file (a certificate, a CSR): a Blob behind an object URL, clicked through a
 * temporary link with the `download` attribute so the browser saves it under CUCM's file name.
 */
export function saveFile(fileName: string, data: string | Uint8Array, type: string): void {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type }));
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
    // Revoke after the click has been handled, or some browsers cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** A link target for a file shown on the page (the CSR): the caller revokes it when it is replaced. */
export function objectUrl(data: string, type: string): string | null {
  if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return null;
  return URL.createObjectURL(new Blob([data], { type }));
}
