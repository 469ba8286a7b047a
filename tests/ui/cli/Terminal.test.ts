// @vitest-environment happy-dom
/**
 * The admin CLI page on a real lab world: the seed's `show itl` on the subscriber (an ITL record with
 * FUNCTION CAPF, "The ITL file was verified successfully."), CUCM's answer to a command it does not know,
 * the command history on Arrow Up / Down, and an empty line giving a new prompt.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { UNKNOWN_COMMAND } from '../../../src/sim/cucm/cli';
import Terminal from '../../../src/ui/cli/Terminal.svelte';
import type { LabSession } from '../../../src/ui/session.svelte';
import { createTestSession, renderScreen } from '../session';
import { axeViolations } from '../axe';

let session: LabSession | undefined;

afterEach(() => {
  cleanup();
  session?.dispose();
  session = undefined;
});

const log = () => screen.getByRole('log');
const prompt = () => screen.getByLabelText('admin:') as HTMLInputElement;

async function type(command: string) {
  await fireEvent.input(prompt(), { target: { value: command } });
  await fireEvent.keyDown(prompt(), { key: 'Enter' });
  await tick();
}

/** Type a command, press Enter and wait for the node's answer and a ready prompt. */
async function run(command: string) {
  const answers = () => log().querySelectorAll('pre.output, pre.error').length;
  const before = answers();
  await type(command);
  await waitFor(() => expect(answers()).toBe(before + 1));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
}

describe('the admin CLI', () => {
  it('opens with the platform CLI banner and an admin: prompt', async () => {
    session = await createTestSession();
    renderScreen(session, Terminal, { node: 'ao115sub' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Admin CLI: ao115sub (10.122.138.103)');
    expect(log().textContent).toContain('Command Line Interface is starting up, please wait ...');
    expect(log().textContent).toContain('Welcome to the Platform Command Line Interface');
    expect(log().getAttribute('aria-live')).toBe('polite');
    expect(prompt().tagName).toBe('INPUT');
  });

  it('show itl + Enter prints the ITL with its CAPF record, spaces kept, ending "The ITL file was verified successfully."', async () => {
    session = await createTestSession();
    renderScreen(session, Terminal, { node: 'ao115sub' });
    await run('show itl');
    const text = log().textContent ?? '';
    expect(text).toContain('admin:show itl');
    expect(text).toContain('FUNCTION');
    expect(text).toMatch(/4\s+FUNCTION\s+2\s+CAPF/);
    expect(text).toContain('The ITL file was verified successfully.');
    // The output is the node's text, unchanged (one <pre>, whitespace as printed).
    const result = await session.world!.act({ type: 'cli', node: 'ao115sub', command: 'show itl' });
    const outputs = log().querySelectorAll('pre.output');
    expect(outputs).toHaveLength(1);
    expect(outputs[0].textContent).toBe(result.ok ? result.output : '');
    expect(prompt().value).toBe('');
  });

  it('a command CUCM does not know gets its unknown-command answer', async () => {
    session = await createTestSession();
    renderScreen(session, Terminal, { node: 'ao115pub' });
    await run('show lsc please');
    expect(log().querySelector('pre.output:last-of-type')?.textContent).toBe(UNKNOWN_COMMAND);
  });

  it('Arrow Up recalls the previous commands, Arrow Down walks back to the line being typed', async () => {
    session = await createTestSession();
    renderScreen(session, Terminal, { node: 'ao115pub' });
    await run('show itl');
    await run('show foo');
    await fireEvent.input(prompt(), { target: { value: 'sh' } });
    await fireEvent.keyDown(prompt(), { key: 'ArrowUp' });
    await tick();
    expect(prompt().value).toBe('show foo');
    await fireEvent.keyDown(prompt(), { key: 'ArrowUp' });
    await tick();
    expect(prompt().value).toBe('show itl');
    await fireEvent.keyDown(prompt(), { key: 'ArrowDown' });
    await tick();
    expect(prompt().value).toBe('show foo');
    await fireEvent.keyDown(prompt(), { key: 'ArrowDown' });
    await tick();
    expect(prompt().value).toBe('sh');
  });

  it('an empty line just shows a new prompt (nothing is sent to the node)', async () => {
    session = await createTestSession();
    renderScreen(session, Terminal, { node: 'ao115pub' });
    await type('');
    await type('   ');
    const commands = [...log().querySelectorAll('pre.command')].map((p) => p.textContent);
    expect(commands).toEqual(['admin:', 'admin:   ']);
    expect(log().querySelectorAll('pre.output, pre.error')).toHaveLength(0);
    expect(session.world!.actions).toEqual([]);
  });

  it('the session survives leaving the page; quit closes it and Connect again opens a new one', async () => {
    session = await createTestSession();
    const first = renderScreen(session, Terminal, { node: 'ao115pub' });
    await run('show itl');
    first.unmount();
    renderScreen(session, Terminal, { node: 'ao115pub' });
    expect(log().textContent).toContain('The ITL file was verified successfully.');
    await type('quit');
    expect(log().textContent).toContain('Connection to ao115pub closed.');
    expect(screen.queryByLabelText('admin:')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Connect again' }));
    await tick();
    expect(log().textContent).not.toContain('show itl');
    expect(document.activeElement).toBe(prompt());
  });

  it('shows that a command is running, and a refused command as text', async () => {
    session = await createTestSession();
    renderScreen(session, Terminal, { node: 'ao115pub' });
    let answer: (r: { ok: false; error: string }) => void = () => {};
    session.act = () => new Promise((resolve) => (answer = resolve));
    await type('utils itl reset localkey');
    expect(screen.getByRole('status').textContent).toBe('Executing command…');
    expect(log().getAttribute('aria-busy')).toBe('true');
    answer({ ok: false, error: 'The lab could not do that: boom' });
    await waitFor(() => expect(log().querySelector('pre.error')?.textContent).toBe('The lab could not do that: boom'));
    expect(screen.getByRole('status').textContent).toBe('');
    expect(prompt().readOnly).toBe(false);
  });

  it('help answers with the node\'s commands and help <command> in the CLI guide\'s form (not "No valid command entered")', async () => {
    session = await createTestSession();
    renderScreen(session, Terminal, { node: 'ao115pub' });
    await run('help');
    let out = log().querySelector('pre.output:last-of-type')?.textContent ?? '';
    expect(out).not.toContain('No valid command entered');
    expect(out).toContain('  show itl');
    await run('help show itl');
    out = log().querySelector('pre.output:last-of-type')?.textContent ?? '';
    expect(out.split('\n')[0]).toBe('show itl help:');
    expect(out).toContain('Example:\nadmin:show itl');
  });

  it('Tab completes the command by keyboard alone; ambiguous words list the choices; Tab on an empty line is left to the browser', async () => {
    session = await createTestSession();
    const { container } = renderScreen(session, Terminal, { node: 'ao115pub' });
    const input = prompt();
    // The keys are explained next to the prompt.
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(input.getAttribute('aria-describedby')!)!.textContent).toContain('Tab completes a command');
    input.focus();
    await fireEvent.input(input, { target: { value: 'sh' } });
    expect(await fireEvent.keyDown(input, { key: 'Tab' })).toBe(false); // default prevented: focus stays
    await tick();
    expect(prompt().value).toBe('show ');
    await fireEvent.input(input, { target: { value: 'show i' } });
    await fireEvent.keyDown(input, { key: 'Tab' });
    await tick();
    expect(prompt().value).toBe('show itl ');
    await fireEvent.input(input, { target: { value: 'utils service st' } });
    await fireEvent.keyDown(input, { key: 'Tab' });
    await tick();
    expect(prompt().value).toBe('utils service st');
    expect(log().querySelector('pre.note:last-of-type')?.textContent).toBe('Possible completions: start  stop');
    // Completed by Tab, run by Enter.
    await fireEvent.input(input, { target: { value: 'show it' } });
    await fireEvent.keyDown(input, { key: 'Tab' });
    await tick();
    await run(prompt().value);
    expect(log().textContent).toContain('The ITL file was verified successfully.');
    // Nothing to complete: Tab is not taken, so the keyboard can leave the prompt.
    await fireEvent.input(input, { target: { value: '' } });
    expect(await fireEvent.keyDown(input, { key: 'Tab' })).toBe(true);
    await fireEvent.input(input, { target: { value: 'show lsc' } });
    expect(await fireEvent.keyDown(input, { key: 'Tab' })).toBe(true);
    expect(await fireEvent.keyDown(input, { key: 'Tab', shiftKey: true })).toBe(true);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('an unknown node says so and offers the lab’s nodes', async () => {
    session = await createTestSession();
    renderScreen(session, Terminal, { node: 'nosuchnode' });
    expect(screen.getByText(/There is no server nosuchnode/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ao115pub' }).getAttribute('href')).toBe('#/cli?node=ao115pub');
  });
});
