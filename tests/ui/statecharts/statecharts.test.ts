// @vitest-environment happy-dom
/**
 * Statecharts drawn from the machine definitions, with the live actor's active states outlined: after
 * boot the phone is in on › registered; the CAPF service is started. The chart is generated (a machine's
 * own states and transitions), not hand-drawn.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capfMachine } from '../../../src/sim/cucm/capf.machine';
import { phoneMachine } from '../../../src/sim/phone/phone.machine';
import Statecharts from '../../../src/ui/statecharts/Statecharts.svelte';
import { activePaths, chartOf, countStates, type ChartState } from '../../../src/ui/statecharts/model';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;

beforeAll(async () => {
  session = await createTestSession();
});
afterAll(() => session.dispose());

const box = (container: HTMLElement, path: string) => container.querySelector<HTMLElement>(`li.state[data-path="${path}"]`)!;
const paths = (c: ChartState): string[] => [c.path, ...c.children.flatMap(paths)];

describe('statecharts from the machine definitions', () => {
  it('chartOf reads every state, the initial one and the transitions (events, delays, guards, invoked actors)', () => {
    const chart = chartOf(capfMachine);
    expect(chart.children.map((c) => c.key)).toEqual(Object.keys(capfMachine.root.states));
    expect(chart.initial).toBe('boot');
    const starting = chart.children.find((c) => c.key === 'starting')!;
    expect(starting.transitions).toContainEqual(expect.objectContaining({ kind: 'after', trigger: 'after startup (5 s)', targets: ['started'] }));
    expect(starting.transitions).toContainEqual(expect.objectContaining({ kind: 'event', trigger: 'service.stop', targets: ['stopped'] }));
    const boot = chart.children.find((c) => c.key === 'boot')!;
    expect(boot.transitions).toContainEqual(expect.objectContaining({ kind: 'always', guard: 'isActivated', targets: ['starting'] }));
    const phone = chartOf(phoneMachine);
    type Node = { states: Record<string, Node> };
    const count = (n: Node): number => 1 + Object.values(n.states).reduce((sum, c) => sum + count(c), 0);
    expect(countStates(phone)).toBe(count(phoneMachine.root as unknown as Node));
    expect(paths(phone)).toContain('on.registered.idle');
  });

  it('activePaths lists a snapshot value and all its ancestors', () => {
    expect([...activePaths({ on: { registered: 'idle' } })]).toEqual(['', 'on', 'on.registered', 'on.registered.idle']);
    expect([...activePaths('started')]).toEqual(['', 'started']);
  });

  it('draws the phone machine and outlines "registered" after boot', () => {
    const r = renderScreen(session, Statecharts);
    expect(screen.getByRole('combobox', { name: 'Component' })).toHaveProperty('value', 'phone/SEP682C7B5C2342');
    for (const p of paths(chartOf(phoneMachine)).filter(Boolean)) expect(box(r.container, p)).toBeTruthy();
    expect(box(r.container, 'on.registered').dataset.active).toBe('true');
    expect(within(box(r.container, 'on.registered')).getAllByText('active')[0]).toBeTruthy();
    expect(box(r.container, 'on.registered.idle').dataset.active).toBe('true');
    expect(box(r.container, 'off').dataset.active).toBe('false');
    expect(box(r.container, 'on.booting').dataset.active).toBe('false');
    expect(screen.getByTestId('live-state').textContent).toContain('on.registered.idle');
    // The transitions are listed in the state they leave.
    expect(within(box(r.container, 'off')).getByText('phone.power.on')).toBeTruthy();
    r.unmount();
  });

  it('the selector switches to the CAPF service (started) and to a CAPF session that is not running', async () => {
    const r = renderScreen(session, Statecharts);
    const select = screen.getByRole('combobox', { name: 'Component' });
    await fireEvent.change(select, { target: { value: 'capf@ao115pub' } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('CAPF service on ao115pub');
    expect(box(r.container, 'started').dataset.active).toBe('true');
    expect(box(r.container, 'stopped').dataset.active).toBe('false');
    await fireEvent.change(select, { target: { value: 'capf@ao115pub/session' } });
    expect(screen.getByTestId('live-state').textContent).toContain('No phone has a CAPF session open now.');
    expect(r.container.querySelectorAll('li.state[data-active="true"]')).toHaveLength(0);
    const labels = Array.from((select as HTMLSelectElement).options).map((o) => o.textContent);
    for (const expected of ['TFTP service on ao115pub', 'TFTP service on ao115sub', 'TVS on ao115pub', 'DNS server', 'Network', 'CAPF client of SEP682C7B5C2342 (not running)']) {
      expect(labels).toContain(expected);
    }
    r.unmount();
  });

  it('opened with ?actor=…, shows that component', () => {
    const r = renderScreen(session, Statecharts, { actor: 'tftp@ao115sub' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('TFTP service on ao115sub');
    expect(box(r.container, 'started').dataset.active).toBe('true');
    r.unmount();
  });
});
