/**
 * Issue 18: PeekableLoader answers synchronously what its DataLoader holds — and only that: the same value
 * as `load`, nothing after `clear`, nothing for a failed key, a prime never overriding what is held.
 */
import { PeekableLoader, thenOrNow } from '../../src/common/peekable-loader';

function loader() {
  const batches: string[][] = [];
  const l = new PeekableLoader<string, string>(async (keys) => {
    batches.push([...keys]);
    return keys.map((k) => (k.startsWith('bad') ? new Error(k) : `v:${k}`));
  });
  return { l, batches };
}

describe('PeekableLoader', () => {
  it('holds what a batch returned and gives it at once', async () => {
    const { l, batches } = loader();
    expect(l.peek('a')).toBeUndefined();
    const first = l.loadNow('a');
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe('v:a');
    expect(l.peek('a')).toBe('v:a');
    expect(l.loadNow('a')).toBe('v:a');
    expect(batches).toEqual([['a']]);
  });

  it('holds a primed value, and a prime does not override what is held or being read', async () => {
    const { l, batches } = loader();
    l.prime('p', 'primed');
    expect(l.loadNow('p')).toBe('primed');
    l.prime('p', 'again');
    expect(l.peek('p')).toBe('primed');
    const pending = l.load('q');
    l.prime('q', 'too late');
    expect(l.peek('q')).toBeUndefined();
    expect(await pending).toBe('v:q');
    expect(l.peek('q')).toBe('v:q');
    expect(batches).toEqual([['q']]);
  });

  it('answers a primed key from load and loadMany without a batch, primed or not yet asked', async () => {
    const { l, batches } = loader();
    l.prime('p', 'primed');
    l.prime('r', 'also');
    expect(await l.load('p')).toBe('primed');
    l.prime('p', 'again'); // now DataLoader's too: still not overridden
    expect(await l.load('p')).toBe('primed');
    expect(await l.loadMany(['r', 'p', 's'])).toEqual(['also', 'primed', 'v:s']);
    expect(batches).toEqual([['s']]);
    l.prime('e', new Error('primed failure'));
    await expect(l.load('e')).rejects.toThrow('primed failure');
    expect(l.peek('e')).toBeUndefined();
    l.clear('r');
    expect(await l.load('r')).toBe('v:r');
    expect(batches).toEqual([['s'], ['r']]);
  });

  it('forgets on clear and clearAll, and never holds a failure', async () => {
    const { l } = loader();
    await l.load('a');
    l.clear('a');
    expect(l.peek('a')).toBeUndefined();
    await l.load('b');
    l.clearAll();
    expect(l.peek('b')).toBeUndefined();
    await expect(l.load('bad1')).rejects.toThrow('bad1');
    expect(l.peek('bad1')).toBeUndefined();
  });

  it('does not hold a value cleared while it was being read', async () => {
    const { l } = loader();
    const pending = l.load('c');
    l.clear('c');
    expect(await pending).toBe('v:c');
    expect(l.peek('c')).toBeUndefined();
  });

  it('thenOrNow applies at once to a value and after a promise', async () => {
    expect(thenOrNow(2, (x) => x + 1)).toBe(3);
    const later = thenOrNow(Promise.resolve(2), (x) => x + 1);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(3);
  });
});
