// Placeholder entry until the UI issue lands: tells the visitor what this is and whether WebCrypto is there.
const app = document.getElementById('app')!;
const secure = Boolean(globalThis.crypto?.subtle);
app.innerHTML = secure
  ? '<h1>LSC Lab</h1><p>The simulated CUCM cluster runs headless for now: see the README for <code>npm run lab</code>.</p>'
  : '<h1>LSC Lab</h1><p>This page needs WebCrypto, which browsers only offer over https or on localhost.</p>';
