// @vitest-environment happy-dom
/**
 * The "Certification Authority Proxy Function (CAPF) Information" section on its own (domain.md §2.1):
 * exact labels, "No Pending Operation" disabling the other fields, the default Operation Completes By,
 * and Generate String.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CapfFields } from '../../../src/ui/cucm-admin/capf-form';
import CapfHarness from './CapfHarness.svelte';

const noOperation: CapfFields = {
  certificateOperation: 'No Pending Operation',
  authenticationMode: 'By Null String',
  authenticationString: '',
  keyOrder: 'RSA Only',
  rsaKeySize: '2048',
  ecKeySize: '384',
  operationCompletesBy: '2026:03:26:11',
};

const control = (label: string) => screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement;
const OTHER_FIELDS = ['Authentication Mode', 'Authentication String', 'Key Order', 'RSA Key Size (Bits)', 'EC Key Size (Bits)', 'Operation Completes By (YYYY:MM:DD:HH)'];

describe('CAPF Information section', () => {
  it('shows the section with its CUCM labels, the status line and the note as the seed screenshot has them', () => {
    render(CapfHarness, { props: { initial: noOperation, status: 'Operation Pending', defaultCompletesBy: () => '2026:03:26:11' } });
    expect(screen.getByRole('group', { name: 'Certification Authority Proxy Function (CAPF) Information' })).toBeTruthy();
    for (const label of ['Certificate Operation', ...OTHER_FIELDS]) expect(control(label)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Generate String' })).toBeTruthy();
    expect(screen.getByText('Certificate Operation Status: Operation Pending')).toBeTruthy();
    expect(screen.getByText('Note: Security Profile Contains Addition CAPF Settings.')).toBeTruthy();
    const operations = Array.from((control('Certificate Operation') as HTMLSelectElement).options).map((o) => o.value);
    expect(operations).toEqual(['No Pending Operation', 'Install/Upgrade', 'Delete', 'Troubleshoot']);
  });

  it('with "No Pending Operation" every other CAPF field is disabled; choosing Install/Upgrade enables them and offers the default Operation Completes By', async () => {
    render(CapfHarness, { props: { initial: { ...noOperation, operationCompletesBy: '2020:01:01:00' }, defaultCompletesBy: () => '2026:03:26:11' } });
    for (const label of OTHER_FIELDS) expect(control(label).disabled, label).toBe(true);
    expect((screen.getByRole('button', { name: 'Generate String' }) as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.change(control('Certificate Operation'), { target: { value: 'Install/Upgrade' } });
    for (const label of ['Authentication Mode', 'Key Order', 'RSA Key Size (Bits)', 'Operation Completes By (YYYY:MM:DD:HH)']) {
      expect(control(label).disabled, label).toBe(false);
    }
    expect(control('Operation Completes By (YYYY:MM:DD:HH)').value).toBe('2026:03:26:11');
    // The string is only used with By Authentication String; EC size only when the key order uses EC.
    expect(control('Authentication String').disabled).toBe(true);
    expect(control('EC Key Size (Bits)').disabled).toBe(true);

    await fireEvent.change(control('Certificate Operation'), { target: { value: 'No Pending Operation' } });
    for (const label of OTHER_FIELDS) expect(control(label).disabled, label).toBe(true);
  });

  it('By Authentication String enables the string, and Generate String makes a 4–10 digit one', async () => {
    render(CapfHarness, { props: { initial: { ...noOperation, certificateOperation: 'Install/Upgrade' }, defaultCompletesBy: () => '2026:03:26:11' } });
    await fireEvent.change(control('Authentication Mode'), { target: { value: 'By Authentication String' } });
    expect(control('Authentication String').disabled).toBe(false);
    for (let i = 0; i < 5; i++) {
      await fireEvent.click(screen.getByRole('button', { name: 'Generate String' }));
      expect(control('Authentication String').value).toMatch(/^\d{4,10}$/);
    }
    await fireEvent.change(control('Key Order'), { target: { value: 'EC Only' } });
    expect(control('RSA Key Size (Bits)').disabled).toBe(true);
    expect(control('EC Key Size (Bits)').disabled).toBe(false);
  });
});
