/**
 * What the pages that take a certificate or a CSR from the learner (Upload Certificate/Certificate chain,
 * the Enterprise CA) do with a chosen file or pasted text before it reaches the simulated CUCM: refuse it
 * over 1 MB without reading it, read it off the main thread (the inspector's Worker), name a private key as
 * such and never show it, turn DER and PKCS#7 into PEM, and never put binary bytes into a text field.
 * Found by trying it as a new user would: a 5 MB binary froze the page for 9 s and landed in the text area
 * as mojibake; a private key was reported as "no BEGIN CERTIFICATE block".
 */
import { INPUT_MAX_BYTES, type UploadError } from '../../pki/input';
import { t } from '../i18n.svelte';
import { runInWorker } from '../inspect/worker-client';

export type Want = 'certificate' | 'csr';

export type FileCheck = { ok: true; pem: string; note: string } | { ok: false; message: string };

function refusal(error: UploadError, want: Want, name?: string): string {
  if (error.kind === 'private-key') return t('upload.privateKey');
  if (error.kind === 'wrong-type') return want === 'certificate' ? t('upload.csrNotCertificate') : t('upload.certificateNotCsr');
  if (error.kind === 'not-recognised' && name) return t('upload.binary', { name, message: error.message });
  return t('upload.notCertificate', { message: error.message });
}

/** A file chosen with the page's file input, made ready for its PEM text field, or refused with a reason. */
export async function readChosenFile(file: File, want: Want): Promise<FileCheck> {
  if (file.size > INPUT_MAX_BYTES) return { ok: false, message: t('upload.tooLarge', { name: file.name, size: file.size, cap: INPUT_MAX_BYTES }) };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const prepared = await runInWorker({ op: 'upload', bytes, want });
    if (!prepared.ok) return { ok: false, message: refusal(prepared.error, want, file.name) };
    const { pem, format, count } = prepared.value;
    const note = format === 'PEM' ? t('upload.loaded', { name: file.name, size: file.size }) : t('upload.converted', { name: file.name, size: file.size, format, count });
    return { ok: true, pem, note };
  } catch (e) {
    return { ok: false, message: t('upload.notCertificate', { message: e instanceof Error ? e.message : String(e) }) };
  }
}

export type PasteCheck = { ok: true; pem: string } | { ok: false; message: string; clear: boolean };

/**
 * Text typed or pasted into a PEM field, checked before it is sent: too large, a private key (which is
 * cleared from the field) or the wrong kind of object are refused here. Anything else goes to the simulated
 * CUCM as it is, which answers with its own "Upload failed: …".
 */
export async function checkPastedText(text: string, want: Want): Promise<PasteCheck> {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > INPUT_MAX_BYTES) return { ok: false, clear: false, message: t('upload.textTooLarge', { size: bytes.length, cap: INPUT_MAX_BYTES }) };
  try {
    const prepared = await runInWorker({ op: 'upload', bytes, want });
    if (prepared.ok) return { ok: true, pem: prepared.value.pem };
    const { error } = prepared;
    if (error.kind === 'private-key') return { ok: false, clear: true, message: refusal(error, want) };
    if (error.kind === 'wrong-type') return { ok: false, clear: false, message: refusal(error, want) };
  } catch {
    // The check could not run: the simulated CUCM still judges the text.
  }
  return { ok: true, pem: text };
}
