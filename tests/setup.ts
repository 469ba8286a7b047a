/**
 * Every test file: component tests (happy-dom) render with the whole English catalogue loaded, as the page has
 * it once the screen's own areas have loaded.
 */
if (typeof window !== 'undefined') {
  const { i18n } = await import('../src/ui/i18n.svelte');
  const { AREAS } = await import('../src/content/messages');
  await i18n.use('en');
  await i18n.need(...AREAS);
}
export {};
