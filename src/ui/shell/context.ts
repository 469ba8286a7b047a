/** The router, shared with every screen through Svelte context. */
import { getContext, setContext } from 'svelte';
import type { Router } from '../router.svelte';

const KEY = Symbol('router');

export function provideRouter(router: Router): void {
  setContext(KEY, router);
}

export function useRouter(): Router {
  const router = getContext<Router | undefined>(KEY);
  if (!router) throw new Error('useRouter() outside <App>');
  return router;
}
