// @vitest-environment happy-dom
/** The Certificate Management pages are axe-clean, with their forms and confirmations open. */
import { fireEvent, screen } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import CertificateDetails from '../../../src/ui/os-admin/CertificateDetails.svelte';
import CertificateList from '../../../src/ui/os-admin/CertificateList.svelte';
import UploadCertificate from '../../../src/ui/os-admin/UploadCertificate.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { axeViolations as violations } from '../axe';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;
beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

describe('Certificate Management accessibility', () => {
  it('Certificate List, with the Generate Self-signed form open', async () => {
    const { container } = renderScreen(session, CertificateList);
    expect(await violations(container)).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Generate Self-signed' }));
    expect(await violations(container)).toEqual([]);
  });

  it('Certificate Details, with the Regenerate confirmation open', async () => {
    const { container } = renderScreen(session, CertificateDetails, { node: 'ao115pub', purpose: 'CAPF', file: 'CAPF.pem' });
    await fireEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(await violations(container)).toEqual([]);
  });

  it('Upload Certificate/Certificate chain', async () => {
    const { container } = renderScreen(session, UploadCertificate);
    expect(await violations(container)).toEqual([]);
  });
});
