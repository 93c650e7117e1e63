import { AdmissionQueue, type AdmissionOptions } from '../../src/app/admission';

// Issue 18 (W4): requests that need the database take turns in arrival order; waiting is refused only
// when the service makes no progress, waited too long, or too many wait (src/app/admission.ts).

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const queue = (options: Partial<AdmissionOptions> = {}) =>
  new AdmissionQueue({ concurrency: 2, queueLimit: 10, stallMs: 200, maxWaitMs: 5000, ...options });

/** The outcome of a turn once settled: 'admitted' with its release, or the refusal's message. */
function watch(turn: Promise<() => void>) {
  const state: { admitted: (() => void) | null; refused: string | null } = { admitted: null, refused: null };
  turn.then(
    (release) => (state.admitted = release),
    (error: Error) => (state.refused = error.message),
  );
  return state;
}

describe('AdmissionQueue', () => {
  test('serves at most `concurrency` at once and admits the waiting ones in arrival order', async () => {
    const q = queue();
    const turns = Array.from({ length: 5 }, () => watch(q.enter().turn));
    await sleep(0);
    expect(turns.map((t) => t.admitted !== null)).toEqual([true, true, false, false, false]);
    expect(q.stats).toEqual({ running: 2, waiting: 3, concurrency: 2 });

    turns[1].admitted!();
    turns[1].admitted!(); // a release counts once
    await sleep(0);
    expect(turns.map((t) => t.admitted !== null)).toEqual([true, true, true, false, false]);
    expect(q.stats).toEqual({ running: 2, waiting: 2, concurrency: 2 });

    turns[0].admitted!();
    turns[2].admitted!();
    await sleep(0);
    expect(turns.map((t) => t.admitted !== null)).toEqual([true, true, true, true, true]);
    turns[3].admitted!();
    turns[4].admitted!();
    expect(q.stats).toEqual({ running: 0, waiting: 0, concurrency: 2 });
  });

  test('a busy service that makes progress keeps its waiting requests past stallMs (a burst is served in full)', async () => {
    const q = queue({ concurrency: 1, stallMs: 400 });
    const turns = Array.from({ length: 9 }, () => watch(q.enter().turn));
    // One request finishes every 60 ms: the last one waits ~480 ms, more than stallMs, and is served.
    for (let i = 0; i < 9; i += 1) {
      await sleep(60);
      expect(turns[i].admitted).not.toBeNull();
      turns[i].admitted!();
    }
    expect(turns.every((t) => t.refused === null)).toBe(true);
    expect(q.refused).toMatchObject({ stalled: 0, waited_too_long: 0, queue_full: 0 });
  });

  test('a stuck service (nothing finishes for stallMs) refuses its waiting requests', async () => {
    const q = queue({ concurrency: 1, stallMs: 300 });
    const first = watch(q.enter().turn);
    const waiting = [watch(q.enter().turn), watch(q.enter().turn)];
    await sleep(50);
    expect(waiting.every((w) => w.refused === null && w.admitted === null)).toBe(true);
    await sleep(350);
    expect(waiting.map((w) => w.refused)).toEqual([
      'request not admitted: stalled',
      'request not admitted: stalled',
    ]);
    expect(q.refused.stalled).toBe(2);
    // The served one is unaffected, and the queue serves again once it finishes.
    first.admitted!();
    const next = watch(q.enter().turn);
    await sleep(0);
    expect(next.admitted).not.toBeNull();
    next.admitted!();
    expect(q.stats).toEqual({ running: 0, waiting: 0, concurrency: 1 });
  });

  test('a request waits at most maxWaitMs even while the service makes progress', async () => {
    const q = queue({ concurrency: 1, stallMs: 1000, maxWaitMs: 150 });
    const served = watch(q.enter().turn);
    const waiting = watch(q.enter().turn);
    await sleep(200);
    expect(waiting.refused).toBe('request not admitted: waited_too_long');
    expect(q.refused.waited_too_long).toBe(1);
    served.admitted!();
  });

  test('beyond queueLimit waiting, a request is refused at once', async () => {
    const q = queue({ concurrency: 1, queueLimit: 2 });
    const turns = Array.from({ length: 4 }, () => watch(q.enter().turn));
    await sleep(0);
    expect(turns.map((t) => (t.admitted ? 'in' : (t.refused ?? 'waiting')))).toEqual([
      'in',
      'waiting',
      'waiting',
      'request not admitted: queue_full',
    ]);
    expect(q.refused.queue_full).toBe(1);
    q.close();
  });

  test('a request whose client left is taken out of the queue and never admitted', async () => {
    const q = queue({ concurrency: 1 });
    const served = watch(q.enter().turn);
    const gone = q.enter();
    const left = watch(gone.turn);
    const after = watch(q.enter().turn);
    gone.cancel();
    expect(q.stats.waiting).toBe(1);
    await sleep(0);
    served.admitted!();
    await sleep(0);
    expect(left.admitted).toBeNull();
    expect(after.admitted).not.toBeNull();
    after.admitted!();
  });

  test('shutdown refuses the waiting requests and every later one', async () => {
    const q = queue({ concurrency: 1 });
    const served = watch(q.enter().turn);
    const waiting = watch(q.enter().turn);
    q.close();
    const later = watch(q.enter().turn);
    await sleep(0);
    expect(waiting.refused).toBe('request not admitted: shutting_down');
    expect(later.refused).toBe('request not admitted: shutting_down');
    expect(served.admitted).not.toBeNull();
    expect(q.refused.shutting_down).toBe(2);
  });
});
