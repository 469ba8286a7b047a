/**
 * Windowing for long lists (issue 13: a thousand phones' logs and messages): only the rows in the scrolled
 * view, plus a few either side, are in the DOM; padding above and below keeps the scrollbar the size of the
 * whole list. Rows have one fixed height. Pure, so the window is tested without a layout engine.
 */
export interface ListWindow {
  /** Index of the first row drawn, and one past the last. */
  start: number;
  end: number;
  /** Space above and below the drawn rows, in px. */
  before: number;
  after: number;
}

/** Rows drawn either side of the view, so a fast scroll does not show blank space. */
export const OVERSCAN = 10;

/**
 * The rows to draw for a view `viewport` px high scrolled to `scrollTop`. A view that has no height yet (not
 * laid out) draws `fallbackRows` from the scroll position.
 */
export function listWindow(total: number, rowHeight: number, scrollTop: number, viewport: number, fallbackRows = 60): ListWindow {
  const inView = viewport > 0 ? Math.ceil(viewport / rowHeight) : fallbackRows;
  const first = Math.max(0, Math.min(total - inView, Math.floor(Math.max(0, scrollTop) / rowHeight)));
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(total, first + inView + OVERSCAN);
  return { start, end, before: start * rowHeight, after: (total - end) * rowHeight };
}
