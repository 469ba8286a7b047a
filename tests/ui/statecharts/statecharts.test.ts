// @vitest-environment happy-dom
/**
 * Statecharts drawn from the machine definitions, with the live actor's active states highlighted: after
 * boot the phone is in on › registered; the CAPF service is started. The diagram is laid out by ELK (here
 * in-process: Node has no Web Worker) from the machine's own states and transitions, never drawn by hand;
 * the text view beside it carries the same facts.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import ELK from 'elkjs/lib/elk.bundled.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { capfMachine } from '../../../src/sim/cucm/capf.machine';
import { phoneMachine } from '../../../src/sim/phone/phone.machine';
import Statecharts from '../../../src/ui/statecharts/Statecharts.svelte';
import { cachedLayouts, chartGraph, diagramOf, layoutChart, useLayoutEngine, type LayoutEngine } from '../../../src/ui/statecharts/layout';
import { activePaths, chartOf, countStates, type ChartState } from '../../../src/ui/statecharts/model';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';

let session: LabSession;
let layouts = 0;
const elk = new ELK();
const inProcess: LayoutEngine = {
  layout: (graph) => {
    layouts++;
    return elk.layout(graph);
  },
};

beforeAll(async () => {
  useLayoutEngine(async () => inProcess);
  session = await createTestSession();
});
afterAll(() => {
  useLayoutEngine(undefined);
  session.dispose();
});

const textView = () => screen.getByTestId('text-view');
const box = (path: string) => textView().querySelector<HTMLElement>(`li.state[data-path="${path}"]`)!;
const paths = (c: ChartState): string[] => [c.path, ...c.children.flatMap(paths)];
const diagram = () => screen.findByRole('group', { name: /^Statechart diagram of the machine / });
const drawn = (svg: Element, path: string) => svg.querySelector<SVGGElement>(`g.state[data-path="${path}"]`)!;
const highlighted = (svg: Element) => new Set([...svg.querySelectorAll<SVGGElement>('g.state[data-active="true"]')].map((g) => g.dataset.path));
const phoneValue = () => session.world!.stateOf('phone/SEP682C7B5C2342') as Parameters<typeof activePaths>[0];

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

  it('the ELK graph has a node per state, an initial marker per compound state and an arrow per transition target', () => {
    const chart = chartOf(phoneMachine);
    const graph = chartGraph(chart);
    const ids: string[] = [];
    const edges: string[] = [];
    const walk = (n: typeof graph) => {
      ids.push(n.id);
      edges.push(...(n.edges ?? []).map((e) => e.id));
      (n.children ?? []).forEach(walk);
    };
    walk(graph);
    for (const p of paths(chart)) expect(ids).toContain(`s:${p}`);
    const compound = (c: ChartState): number => (c.children.length && c.initial ? 1 : 0) + c.children.reduce((n, k) => n + compound(k), 0);
    const targets = (c: ChartState): number => c.transitions.reduce((n, t) => n + t.targets.length, 0) + c.children.reduce((n, k) => n + targets(k), 0);
    expect(edges.filter((e) => e.startsWith('init:'))).toHaveLength(compound(chart));
    expect(edges.filter((e) => e.startsWith('t:'))).toHaveLength(targets(chart));
  });

  it('draws the phone machine with the states it is in highlighted, and the text view outlines the same', async () => {
    const r = renderScreen(session, Statecharts);
    expect(screen.getByRole('combobox', { name: 'Component' })).toHaveProperty('value', 'phone/SEP682C7B5C2342');
    const svg = await diagram();
    for (const p of paths(chartOf(phoneMachine))) expect(drawn(svg, p)).toBeTruthy();
    expect(highlighted(svg)).toEqual(activePaths(phoneValue()));
    expect(highlighted(svg)).toContain('on.registered.idle');
    expect(within(svg).getByRole('button', { name: 'State on.registered, active' })).toBeTruthy();
    expect(within(svg).getByRole('button', { name: 'State off' })).toBeTruthy();
    // Every transition with a target is an arrow, labelled with its trigger.
    const arrows = svg.querySelectorAll('path.edge:not(.kind-initial)');
    const chart = chartOf(phoneMachine);
    const targets = (c: ChartState): number => c.transitions.reduce((n, t) => n + t.targets.length, 0) + c.children.reduce((n, k) => n + targets(k), 0);
    expect(arrows).toHaveLength(targets(chart));
    expect([...svg.querySelectorAll('g.label title')].map((t) => t.textContent)).toContain('phone.power.on');
    // The text view: the same states, the same active ones.
    expect(box('on.registered').dataset.active).toBe('true');
    expect(within(box('on.registered')).getAllByText('active')[0]).toBeTruthy();
    expect(box('off').dataset.active).toBe('false');
    expect(screen.getByTestId('live-state').textContent).toContain('on.registered.idle');
    expect(within(box('off')).getByText('phone.power.on')).toBeTruthy();
    r.unmount();
  });

  it('follows the machine live: after a reset the highlight moves with the phone and the transition taken is named and marked', async () => {
    const r = renderScreen(session, Statecharts);
    const svg = await diagram();
    expect(screen.getByTestId('last-transition').textContent).toBe('No transition taken since this page opened.');
    expect((await session.act({ type: 'cucm.phone.reset', device: 'SEP682C7B5C2342' })).ok).toBe(true);
    await session.advance(1500);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(highlighted(svg)).toEqual(activePaths(phoneValue()));
    expect(highlighted(svg)).not.toContain('on.registered');
    expect(screen.getByTestId('last-transition').textContent).toMatch(/^Last transition: from \S+ to \S+, on /);
    expect(svg.querySelectorAll('path.edge.last')).toHaveLength(1);
    await session.world!.runUntilSettled();
    await session.advance(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(highlighted(svg)).toEqual(activePaths(phoneValue()));
    expect(highlighted(svg)).toContain('on.registered');
    r.unmount();
  });

  it('the keyboard walks the states and Enter selects one: its text detail shows', async () => {
    const r = renderScreen(session, Statecharts);
    const svg = await diagram();
    const states = within(svg).getAllByRole('button');
    expect(states.filter((s) => s.getAttribute('tabindex') === '0')).toHaveLength(1);
    states[0].focus();
    await fireEvent.keyDown(states[0], { key: 'ArrowDown' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(states[1]);
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    const path = states[1].getAttribute('data-path')!;
    expect(screen.getByRole('heading', { level: 3, name: `Selected state: ${path}` })).toBeTruthy();
    const detail = screen.getByTestId('selected-state');
    expect(detail.querySelector(`li.state[data-path="${path}"]`)).toBeTruthy();
    expect(states[1].getAttribute('aria-pressed')).toBe('true');
    // A click selects too.
    await fireEvent.click(drawn(svg, 'off'));
    expect(screen.getByRole('heading', { level: 3, name: 'Selected state: off' })).toBeTruthy();
    expect(within(screen.getByTestId('selected-state')).getByText('phone.power.on')).toBeTruthy();
    r.unmount();
  });

  it('zooms with the buttons', async () => {
    const r = renderScreen(session, Statecharts);
    const svg = await diagram();
    const scale = () => Number(/scale\(([\d.]+)\)/.exec(svg.querySelector('g')!.getAttribute('transform')!)![1]);
    const before = scale();
    await fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(scale()).toBeGreaterThan(before);
    const zoomed = scale();
    await fireEvent.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(scale()).toBeLessThan(zoomed);
    r.unmount();
  });

  it('the selector switches to the CAPF service (started) and to a CAPF session that is not running', async () => {
    const r = renderScreen(session, Statecharts);
    const select = screen.getByRole('combobox', { name: 'Component' });
    await fireEvent.change(select, { target: { value: 'capf@ao115pub' } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('CAPF service on ao115pub');
    const svg = await screen.findByRole('group', { name: 'Statechart diagram of the machine capf' });
    expect(drawn(svg, 'started').dataset.active).toBe('true');
    expect(box('started').dataset.active).toBe('true');
    expect(box('stopped').dataset.active).toBe('false');
    await fireEvent.change(select, { target: { value: 'capf@ao115pub/session' } });
    expect(screen.getByTestId('live-state').textContent).toContain('No phone has a CAPF session open now.');
    const session2 = await screen.findByRole('group', { name: 'Statechart diagram of the machine capfSession' });
    expect(highlighted(session2).size).toBe(0);
    expect(textView().querySelectorAll('li.state[data-active="true"]')).toHaveLength(0);
    const labels = Array.from((select as HTMLSelectElement).options).map((o) => o.textContent);
    for (const expected of ['TFTP service on ao115pub', 'TFTP service on ao115sub', 'TVS on ao115pub', 'DNS server', 'Network', 'CAPF client of SEP682C7B5C2342 (not running)']) {
      expect(labels).toContain(expected);
    }
    r.unmount();
  });

  it('opened with ?actor=…, shows that component', async () => {
    const r = renderScreen(session, Statecharts, { actor: 'tftp@ao115sub' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('TFTP service on ao115sub');
    expect(box('started').dataset.active).toBe('true');
    const svg = await screen.findByRole('group', { name: 'Statechart diagram of the machine tftp' });
    expect(drawn(svg, 'started').dataset.active).toBe('true');
    r.unmount();
  });

  it('lays each machine definition out once: the second request is answered from the cache', async () => {
    const chart = chartOf(capfMachine);
    const first = await layoutChart(chart, inProcess);
    const before = layouts;
    const size = cachedLayouts();
    expect(await layoutChart(chartOf(capfMachine), inProcess)).toBe(first);
    expect(layouts).toBe(before);
    expect(cachedLayouts()).toBe(size);
  });

  it('a layout that fails says so, and the text view still has every state', async () => {
    useLayoutEngine(async () => ({ layout: () => Promise.reject(new Error('the worker is gone')) }));
    try {
      const r = renderScreen(session, Statecharts, { actor: 'dns' });
      expect((await screen.findByRole('alert')).textContent).toContain('The diagram could not be laid out (the worker is gone).');
      expect(box('')).toBeTruthy();
      r.unmount();
    } finally {
      useLayoutEngine(async () => inProcess);
    }
  });

  it('parallel regions are drawn side by side inside their parallel state, each with its initial marker', async () => {
    const machine = createMachine({
      id: 'handset',
      type: 'parallel',
      states: {
        hook: { initial: 'onHook', states: { onHook: { on: { lift: 'offHook' } }, offHook: { on: { hang: 'onHook' } } } },
        display: { initial: 'dark', states: { dark: { on: { wake: 'lit' } }, lit: { after: { 30000: 'dark' } } } },
      },
    });
    const chart = chartOf(machine);
    const d = diagramOf(chart, await elk.layout(chartGraph(chart)));
    const hook = d.states.find((s) => s.path === 'hook')!;
    const display = d.states.find((s) => s.path === 'display')!;
    expect(hook.region && display.region).toBe(true);
    // Side by side: their columns do not overlap, their rows do.
    expect(hook.x + hook.width <= display.x || display.x + display.width <= hook.x).toBe(true);
    expect(hook.y < display.y + display.height && display.y < hook.y + hook.height).toBe(true);
    expect(d.initials.map((i) => i.parent).sort()).toEqual(['display', 'hook']);
    expect(d.edges.find((e) => e.kind === 'after')!.full).toBe('after 30 s');
  });
});
