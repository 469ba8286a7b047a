/**
 * Hash routes ("#/cucm/phone?device=SEP682C7B5C2342"), so the lab works from any static host and sub-path
 * and the browser's back button walks through the screens like the real web pages.
 */
export class Router {
  path = $state('/');
  params = $state<Record<string, string>>({});

  constructor() {
    if (typeof window !== 'undefined') {
      this.#read();
      window.addEventListener('hashchange', () => this.#read());
    }
  }

  #read(): void {
    const hash = window.location.hash.replace(/^#/, '') || '/';
    const [path, query = ''] = hash.split('?');
    this.path = path || '/';
    this.params = Object.fromEntries(new URLSearchParams(query));
  }

  /** Go to a screen; `params` become the query part. */
  go(path: string, params: Record<string, string> = {}): void {
    const query = new URLSearchParams(params).toString();
    const hash = `#${path}${query ? `?${query}` : ''}`;
    if (typeof window === 'undefined') {
      this.path = path;
      this.params = params;
    } else if (window.location.hash !== hash) window.location.hash = hash;
    else this.#read();
  }
}

export function href(path: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#${path}${query ? `?${query}` : ''}`;
}
