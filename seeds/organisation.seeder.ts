import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { Organisation } from '../src/modules/organisation/organisation.entity';
import { toAddress } from '../src/modules/processing-activity/version-builder';
import { SEED_ORGANISATIONS } from './data/organisations.seed';

/** The organisations of the sample records, parents before children. */
export class OrganisationSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const byKey = new Map<string, Organisation>();
    for (const o of SEED_ORGANISATIONS) {
      const parent = o.parentKey ? byKey.get(o.parentKey) : null;
      if (o.parentKey && !parent) throw new Error(`seed organisation ${o.key}: parent ${o.parentKey} must come first`);
      byKey.set(
        o.key,
        em.create(Organisation, {
          name: o.name,
          abbreviation: o.abbreviation ?? null,
          kind: o.kind,
          parent: parent ?? null,
          tooiUri: o.tooiUri ?? null,
          oin: o.oin ?? null,
          website: o.website ?? null,
          email: o.email ?? null,
          phone: o.phone ?? null,
          visitingAddress: toAddress(o.visitingAddress),
          postalAddress: toAddress(o.postalAddress),
        }),
      );
    }
    await em.flush();
  }
}
