/**
 * Hand a file to the learner: a real Blob behind an object URL, clicked through a temporary
 * `<a download>`, so the browser saves it under the name the lab runner uses. The URL is revoked once the
 * browser has had it, so repeated downloads do not leak memory.
 */
export type FileContent = string | Uint8Array;

export function toBlob(content: FileContent, type: string): Blob {
  // A copy into a plain ArrayBuffer: Blob parts must not be views on a shared or resizable buffer.
  const part = typeof content === 'string' ? content : content.slice().buffer;
  return new Blob([part], { type });
}

export function saveFile(name: string, content: FileContent, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(toBlob(content, type));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const TEXT = 'text/plain;charset=utf-8';
