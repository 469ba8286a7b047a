/**
 * Every test file: component tests (happy-dom) render with the English catalogue loaded, as the page does
 * before it mounts the lab.
 */
if (typeof window !== 'undefined') {
  const { i18n } = await import('../src/ui/i18n.svelte');
  await i18n.use('en');
}
export {};
