/**
 * Issue 18 (server peak RSS < 512 MiB): the heap grows to 3× its live data by default, not V8's 4×
 * (src/app/heap-growth.ts); `HEAP_GROWING_PERCENT=0` leaves V8's own policy.
 */
import { parseConfig } from '../../src/config/config';

// Hoisted above the imports by Jest: the module under test sees the mock (called lazily, by name).
const mockSetFlags = jest.fn();
jest.mock('node:v8', () => ({
  ...jest.requireActual('node:v8'),
  setFlagsFromString: (flags: string) => mockSetFlags(flags),
}));
import { applyHeapGrowth } from '../../src/app/heap-growth';
const setFlagsFromString = mockSetFlags;

beforeEach(() => setFlagsFromString.mockClear());

test('the default is 200 % (3×), passed to V8 as --heap-growing-percent', () => {
  const config = parseConfig({});
  expect(config.HEAP_GROWING_PERCENT).toBe(200);
  applyHeapGrowth(config.HEAP_GROWING_PERCENT);
  expect(setFlagsFromString).toHaveBeenCalledWith('--heap-growing-percent=200');
});

test('0 leaves V8’s own policy: no flag is set', () => {
  applyHeapGrowth(parseConfig({ HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT);
  expect(setFlagsFromString).not.toHaveBeenCalled();
});

test('a value that is not a whole percent from 0 to 1000 is refused at start', () => {
  for (const bad of ['-1', '1001', '2.5', 'lots'])
    expect(() => parseConfig({ HEAP_GROWING_PERCENT: bad })).toThrow(/HEAP_GROWING_PERCENT/);
});
