/**
 * Entry point. WebCrypto only exists in secure contexts (https, or http on localhost); without it the lab
 * cannot make a single key, so the page says how to host it instead of failing halfway.
 */
import { mount } from 'svelte';

const target = document.getElementById('app')!;

if (!globalThis.crypto?.subtle) {
  target.innerHTML = `<main style="font-family: Arial, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
    <h1>LSC Lab needs a secure page</h1>
    <p>The lab makes real keys and certificates with your browser's WebCrypto, which browsers only offer on
    <strong>https://</strong> pages or on <strong>http://localhost</strong>. This page was opened as
    <code>${location.protocol}//${location.host}</code>.</p>
    <p>Serve the folder over https (any static web server with a certificate), or run it on your own computer
    with <code>npm start</code> and open <code>http://localhost:5173/</code>. Opening <code>index.html</code> from the
    file system does not work either: browsers block module scripts there.</p>
  </main>`;
} else {
  const [{ default: App }, { i18n, chooseLocale }] = await Promise.all([import('./ui/shell/App.svelte'), import('./ui/i18n.svelte')]);
  await i18n.use(chooseLocale());
  mount(App, { target });
}
