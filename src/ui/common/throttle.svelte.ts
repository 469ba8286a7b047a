/**
 * A view of a changing number (the session's `version`) that follows it at most every `ms`: pages that draw
 * a whole fleet re-derive it about ten times a second while the lab plays at 60×, not on every frame, so
 * the page keeps time for input and the world (bench g). The last change always shows, `ms()` later at most
 * (0: at once).
 * Call during a component's initialisation (it owns an effect).
 */
export function throttled(read: () => number, ms: () => number): { readonly value: number } {
  let shown = $state(read());
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  $effect(() => {
    const value = read();
    const wait = last + ms() - performance.now();
    if (wait <= 0) {
      last = performance.now();
      shown = value;
      return;
    }
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        last = performance.now();
        shown = read();
      }, wait);
    }
  });
  $effect(() => () => {
    if (timer !== undefined) clearTimeout(timer);
  });
  return {
    get value() {
      return shown;
    },
  };
}
