import { describe, expect, it } from 'vitest';
import { formatMessage, placeholdersOf } from '../../src/content/messages/format';

describe('message formatting', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(formatMessage('en', { k: '{n} of {total} goals' }, 'k', { n: 1200, total: 3 })).toBe('1,200 of 3 goals');
    expect(formatMessage('de', { k: '{n} von {total}' }, 'k', { n: 1200, total: 3 })).toBe('1.200 von 3');
  });
  it('chooses plural forms with Intl.PluralRules', () => {
    const c = { k: { one: '{count} hint used', other: '{count} hints used' } };
    expect(formatMessage('en', c, 'k', { count: 1 })).toBe('1 hint used');
    expect(formatMessage('en', c, 'k', { count: 2 })).toBe('2 hints used');
    expect(formatMessage('ja', { k: { other: 'ヒント{count}件' } }, 'k', { count: 1 })).toBe('ヒント1件');
  });
  it('shows a missing key or placeholder instead of failing', () => {
    expect(formatMessage('en', {}, 'nope.key')).toBe('nope.key');
    expect(formatMessage('en', { k: 'Hi {who}' }, 'k')).toBe('Hi {who}');
  });
  it('lists the placeholders of a message, with count for plurals', () => {
    expect(placeholdersOf('{a} and {b} and {a}')).toEqual(['a', 'b']);
    expect(placeholdersOf({ one: 'one {x}', other: '{count} {x}' })).toEqual(['count', 'x']);
  });
});
