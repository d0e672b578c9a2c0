import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { Organisation } from '../src/modules/organisation/organisation.entity';
import { ProcessingActivityService } from '../src/modules/processing-activity/processing-activity.service';
import { ProcessingActivityParticipant } from '../src/modules/sharing/processing-activity-participant.entity';
import { SEED_ORGANISATIONS } from './data/organisations.seed';
import { SEED_RECORDS } from './data/records';

/** The five source documents as records, written through the same service the sync surface uses, with the organisations that adopted them. */
export class RecordSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    for (const record of SEED_RECORDS) {
      const seedOrg = SEED_ORGANISATIONS.find((o) => o.key === record.organisationKey);
      if (!seedOrg) throw new Error(`seed record ${record.reference}: unknown organisation ${record.organisationKey}`);
      await em.transactional(async (tx) => {
        const organisation = await tx.findOneOrFail(Organisation, { name: seedOrg.name });
        const { activity } = await new ProcessingActivityService(tx).saveRecord({ organisation, reference: record.reference, content: record.content, status: record.status });
        for (const key of record.sharedWith ?? []) {
          const participant = SEED_ORGANISATIONS.find((o) => o.key === key);
          if (!participant) throw new Error(`seed record ${record.reference}: unknown participant ${key}`);
          tx.create(ProcessingActivityParticipant, { activity, organisation: await tx.findOneOrFail(Organisation, { name: participant.name }) });
        }
        await tx.flush();
      });
    }
  }
}
