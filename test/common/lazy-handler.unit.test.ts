/**
 * Issue 18: a lazily loaded route (src/app/lazy-handler.ts) loads its module once, on its first request,
 * then serves every request with it; a module that fails to load goes to Express's error handler.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { lazyHandler } from '../../src/app/lazy-handler';

const req = {} as Request;
const res = {} as Response;

test('loads on the first request only, and serves every request with the loaded handler', () => {
  const served: number[] = [];
  let loads = 0;
  const handler = lazyHandler(() => {
    loads += 1;
    return ((_q, _s, _n) => served.push(served.length)) as RequestHandler;
  });
  expect(loads).toBe(0);
  const next = jest.fn() as NextFunction;
  handler(req, res, next);
  handler(req, res, next);
  expect(loads).toBe(1);
  expect(served).toEqual([0, 1]);
  expect(next).not.toHaveBeenCalled();
});

test('a module that fails to load is passed to next()', () => {
  const failure = new Error('cannot load');
  const handler = lazyHandler(() => {
    throw failure;
  });
  const next = jest.fn() as NextFunction;
  handler(req, res, next);
  expect(next).toHaveBeenCalledWith(failure);
});
