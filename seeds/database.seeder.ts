import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { OrganisationSeeder } from './organisation.seeder';
import { RecordSeeder } from './record.seeder';

/** The sample register: organisations, then the five published records. Vocabularies are synced on every start, not here. */
export class DatabaseSeeder extends Seeder {
  run(em: EntityManager): Promise<void> {
    return this.call(em, [OrganisationSeeder, RecordSeeder]);
  }
}
