import type { MikroORM } from '@mikro-orm/postgresql';
import { verifyPublicRegister } from '../../src/modules/publication/projector';

/**
 * After a test that changes publication state: the public read model must be exactly what the
 * rule computes from the versions (what `npm run register -- public:rebuild --verify` checks).
 */
export function verifyReadModelAfterEach(orm: () => MikroORM): void {
  afterEach(async () => {
    expect(await verifyPublicRegister(orm().em.getKnex())).toEqual([]);
  });
}
