import { describe, expect, it } from 'vitest';
import { memoryCache } from './thumbnail-cache';
import { ThumbnailQueue, type Runner } from './thumbnail-queue';
import type { ThumbJob, ThumbRun } from './thumbnail-runner';

const job = (steps: number): ThumbJob => ({ lab: 'samplers', params: {}, steps, budgetMs: 10 });
const run = (iteration: number): ThumbRun => ({ diverged: false, snapshot: { iteration, layers: {}, metrics: {}, info: {}, box: [-1, 1, -1, 1] as never } });

function fakeRunner() {
  const log: string[] = [];
  let active = 0;
  let maxActive = 0;
  const runner: Runner = {
    async run(j) {
      active++;
      maxActive = Math.max(maxActive, active);
      log.push(`run ${j.steps}`);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (j.steps < 0) throw new Error('boom');
      return run(j.steps);
    },
  };
  return { runner, log, max: () => maxActive };
}

describe('thumbnail queue', () => {
  it('runs one job at a time, in order, and dedupes a link asked twice', async () => {
    const f = fakeRunner();
    const q = new ThumbnailQueue(f.runner, async (r) => `data:image/png;${r.snapshot.iteration}`, memoryCache());
    const a = q.request('a', job(1));
    const a2 = q.request('a', job(1));
    const b = q.request('b', job(2));
    expect((await Promise.all([a, a2, b])).map((x) => x.url)).toEqual(['data:image/png;1', 'data:image/png;1', 'data:image/png;2']);
    expect((await b).iteration).toBe(2);
    expect(f.log).toEqual(['run 1', 'run 2']);
    expect(f.max()).toBe(1);
  });

  it('answers from the cache without running, and a failure does not stop the queue', async () => {
    const f = fakeRunner();
    const cache = memoryCache();
    await cache.put('hit', JSON.stringify({ url: 'data:image/png;cached', iteration: 5, diverged: false }));
    await cache.put('old', 'data:image/png;an older format');
    const q = new ThumbnailQueue(f.runner, async (r) => `data:image/png;${r.snapshot.iteration}`, cache);
    const bad = q.request('bad', job(-1));
    const ok = q.request('ok', job(3));
    expect(await q.request('hit', job(9))).toEqual({ url: 'data:image/png;cached', iteration: 5, diverged: false });
    expect(await q.cached('old')).toBeUndefined();
    await expect(bad).rejects.toThrow('boom');
    expect((await ok).url).toBe('data:image/png;3');
    expect(JSON.parse((await cache.get('ok'))!)).toEqual({ url: 'data:image/png;3', iteration: 3, diverged: false });
    expect(f.log).toEqual(['run -1', 'run 3']);
  });

  it('a request cancelled before its turn never runs', async () => {
    const f = fakeRunner();
    const q = new ThumbnailQueue(f.runner, async () => 'data:image/png;x', memoryCache());
    const first = q.request('first', job(1));
    const second = q.request('second', job(2));
    await new Promise((r) => setTimeout(r, 0)); // both past the cache lookup, queued
    q.cancel('second');
    await expect(second).rejects.toThrow('cancelled');
    await first;
    expect(f.log).toEqual(['run 1']);
  });
});
