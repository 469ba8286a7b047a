/**
 * A file the learner chose, read as text — refused up front when it is larger than any file the lab reads
 * (labs, codes and progress files are a few kB; nothing is read into a text field that is binary).
 */
import type { Said } from '../../content/messages/format';

export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

export async function readTextFile(file: Blob & { name?: string }): Promise<{ ok: true; value: string } | { ok: false; reason: Said }> {
  if (file.size > MAX_TEXT_FILE_BYTES) return { ok: false, reason: { key: 'shell.fileTooLarge' } };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: { key: 'shell.notText' } };
  }
}
