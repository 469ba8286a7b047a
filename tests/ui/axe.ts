/**
 * axe-core over a rendered screen in happy-dom: every control labelled, no duplicate ids, sensible headings.
 * Colour contrast needs a real layout engine, so it is left to the browser tests (tests/e2e/a11y.e2e.ts).
 */
import axe from 'axe-core';

/** The violations axe finds under `container`, one readable line each (empty when the screen is clean). */
export async function axeViolations(container: Element): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`);
}
