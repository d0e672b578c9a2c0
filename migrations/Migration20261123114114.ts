import { Migration } from '@mikro-orm/migrations';

export class Migration20261123114114 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "pav_public_title_idx" on "processing_activity_version" ("title", "activity_id") where status = 'PUBLISHED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "pav_public_title_idx";`);
  }

}
