// @vitest-environment happy-dom
/**
 * The enterprise CA page: a learner pastes the CAPF CSR CUCM generated and gets a signed certificate and the
 * CA certificate; junk is refused with a message.
 */
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import EnterpriseCa from '../../../src/ui/lab-ca/EnterpriseCa.svelte';
import { createTestSession, renderScreen } from '../session';

describe('Enterprise CA (Offline CA)', () => {
  it('signs the CAPF CSR from Generate CSR, and refuses text that is not a CSR', async () => {
    const session = await createTestSession();
    const csr = await session.act({ type: 'os.certificate.generateCsr', node: 'ao115pub', purpose: 'CAPF' });
    renderScreen(session, EnterpriseCa);
    await fireEvent.input(screen.getByLabelText('Certificate Signing Request (PEM)'), { target: { value: 'hello' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('could not read the request'));
    await fireEvent.input(screen.getByLabelText('Certificate Signing Request (PEM)'), { target: { value: csr.ok ? csr.output : '' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Signed certificate' })).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Download LSC_Lab_Issuing_CA.pem' })).toBeTruthy();
    expect(screen.getAllByText(/-----BEGIN CERTIFICATE-----/).length).toBe(2);
    session.dispose();
  });
});
