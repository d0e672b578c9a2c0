import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123105659 } from './Migration20261123105659';
import { Migration20261123110812 } from './Migration20261123110812';
import { Migration20261123114114 } from './Migration20261123114114';
import { Migration20261123114147 } from './Migration20261123114147';
import { Migration20261123115905 } from './Migration20261123115905';
import { Migration20261123135519 } from './Migration20261123135519';
import { Migration20261201120000 } from './Migration20261201120000';
import { Migration20261201130000 } from './Migration20261201130000';
import { Migration20261202101200 } from './Migration20261202101200';
import { Migration20261202101300 } from './Migration20261202101300';
import { Migration20261210120000 } from './Migration20261210120000';
import { Migration20261211100000 } from './Migration20261211100000';
import { Migration20261211120000 } from './Migration20261211120000';
import { Migration20261212100000 } from './Migration20261212100000';
import { Migration20261213100000 } from './Migration20261213100000';
import { Migration20261213110000 } from './Migration20261213110000';
import { Migration20261214100000 } from './Migration20261214100000';
import { Migration20261215100000 } from './Migration20261215100000';
import { Migration20261215110000 } from './Migration20261215110000';
import { Migration20261216100000 } from './Migration20261216100000';
import { Migration20261217100000 } from './Migration20261217100000';
import { Migration20261217110000 } from './Migration20261217110000';

/**
 * Every migration, in order. Listed explicitly rather than globbed so the compiled server, the
 * tests (SWC) and the CLI all run the same set; test/foundation/migrations.test.ts checks that
 * each file in this folder is listed here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123105659', class: Migration20261123105659 },
  { name: 'Migration20261123110812', class: Migration20261123110812 },
  { name: 'Migration20261123114114', class: Migration20261123114114 },
  { name: 'Migration20261123114147', class: Migration20261123114147 },
  { name: 'Migration20261123115905', class: Migration20261123115905 },
  { name: 'Migration20261123135519', class: Migration20261123135519 },
  { name: 'Migration20261201120000', class: Migration20261201120000 },
  { name: 'Migration20261201130000', class: Migration20261201130000 },
  { name: 'Migration20261202101200', class: Migration20261202101200 },
  { name: 'Migration20261202101300', class: Migration20261202101300 },
  { name: 'Migration20261210120000', class: Migration20261210120000 },
  { name: 'Migration20261211100000', class: Migration20261211100000 },
  { name: 'Migration20261211120000', class: Migration20261211120000 },
  { name: 'Migration20261212100000', class: Migration20261212100000 },
  { name: 'Migration20261213100000', class: Migration20261213100000 },
  { name: 'Migration20261213110000', class: Migration20261213110000 },
  { name: 'Migration20261214100000', class: Migration20261214100000 },
  { name: 'Migration20261215100000', class: Migration20261215100000 },
  { name: 'Migration20261215110000', class: Migration20261215110000 },
  { name: 'Migration20261216100000', class: Migration20261216100000 },
  { name: 'Migration20261217100000', class: Migration20261217100000 },
  { name: 'Migration20261217110000', class: Migration20261217110000 },
];
