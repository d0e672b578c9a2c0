import type { SeedRecord } from '../../seed-record';
import { record as d2412 } from './d2412-defensie-mediamonitoring.seed';
import { record as d2717 } from './d2717-defensie-chatbot.seed';
import { record as gemChatbot } from './gem-hltsamen-chatbot.seed';
import { record as m10495 } from './m10495-rvo-telefoongesprekken.seed';
import { record as m4140 } from './m4140-financien-nieuwsapp.seed';

/** The seed records, in the order of the register's reference list. */
export const SEED_RECORDS: SeedRecord[] = [d2717, d2412, m10495, m4140, gemChatbot];
