/**
 * The "Find … where [field] [condition] [text]" search of CUCM's list pages. Matching ignores case, as the
 * real search does; "is empty" and "is not empty" ignore the text.
 */
export const FIND_OPERATORS = ['begins with', 'contains', 'ends with', 'is exactly', 'is empty', 'is not empty'] as const;
export type FindOperator = (typeof FIND_OPERATORS)[number];

export function matches(value: string, operator: FindOperator, text: string): boolean {
  const v = value.toLowerCase();
  const t = text.trim().toLowerCase();
  switch (operator) {
    case 'begins with':
      return v.startsWith(t);
    case 'contains':
      return v.includes(t);
    case 'ends with':
      return v.endsWith(t);
    case 'is exactly':
      return v === t;
    case 'is empty':
      return v === '';
    case 'is not empty':
      return v !== '';
  }
}

export const needsText = (operator: FindOperator) => operator !== 'is empty' && operator !== 'is not empty';

/**
 * The chosen value of a <select>, for an `onchange` handler. (Pages set `value` and handle `change`
 * rather than `bind:value`: the binding looks the option up with `:checked`, which the DOM used by the
 * component tests does not match on <option>.)
 */
export const picked = <T extends string>(e: Event): T => (e.currentTarget as HTMLSelectElement).value as T;
