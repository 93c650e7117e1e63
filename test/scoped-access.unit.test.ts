// The modules' scope registrations, composed as the server composes them (tests may import app/).
import '../src/app/modules';
import { MissingScopeError, ScopedAccess } from '../src/common/scoped-access';
import type { RequestDb } from '../src/db/request-db';

// STYLE principle 3, DOMAIN §3: tenant data is read through one helper that fails closed.
describe('the scoped data access fails closed', () => {
  const untouchable = new Proxy({} as RequestDb, {
    get: () => {
      throw new Error('the database must not be reached without a principal');
    },
  });
  const scope = new ScopedAccess(untouchable, null);

  test.each(['regions', 'organizations', 'users', 'auditEvents', 'manager'] as const)(
    '%s() without a principal throws before touching the database',
    async (method) => {
      await expect(scope[method]()).rejects.toBeInstanceOf(MissingScopeError);
    },
  );

  test('the admin prefix needs a principal too', () => {
    expect(() => scope.adminPrefix()).toThrow(MissingScopeError);
  });
});
