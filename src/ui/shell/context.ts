/** The router, shared with every screen through Svelte context (reading it outside <App> throws). */
import { createContext } from 'svelte';
import type { Router } from '../router.svelte';

export const [useRouter, provideRouter] = createContext<Router>();
