import { Migration } from '@mikro-orm/migrations';

export class Migration20261123115905 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "data_subject_group_version_position_idx" on "data_subject_group" ("version_id", "position");`);

    this.addSql(`create index "data_item_group_position_idx" on "data_item" ("group_id", "position");`);

    this.addSql(`create index "contact_person_version_position_idx" on "contact_person" ("version_id", "position");`);

    this.addSql(`create index "attachment_version_position_idx" on "attachment" ("version_id", "position");`);

    this.addSql(`create index "processing_party_version_position_idx" on "processing_party" ("version_id", "position");`);

    this.addSql(`create index "processing_system_version_position_idx" on "processing_system" ("version_id", "position");`);

    this.addSql(`create index "purpose_version_position_idx" on "purpose" ("version_id", "position");`);

    this.addSql(`create index "recipient_version_position_idx" on "recipient" ("version_id", "position");`);

    this.addSql(`create index "related_processing_version_position_idx" on "related_processing" ("version_id", "position");`);

    this.addSql(`create index "remark_version_position_idx" on "remark" ("version_id", "position");`);

    this.addSql(`create index "retention_rule_data_item_position_idx" on "retention_rule" ("data_item_id", "position");`);

    this.addSql(`create index "statutory_reference_purpose_position_idx" on "statutory_reference" ("purpose_id", "position");`);

    this.addSql(`create index "third_country_transfer_version_position_idx" on "third_country_transfer" ("version_id", "position");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "attachment_version_position_idx";`);

    this.addSql(`drop index "contact_person_version_position_idx";`);

    this.addSql(`drop index "data_item_group_position_idx";`);

    this.addSql(`drop index "data_subject_group_version_position_idx";`);

    this.addSql(`drop index "processing_party_version_position_idx";`);

    this.addSql(`drop index "processing_system_version_position_idx";`);

    this.addSql(`drop index "purpose_version_position_idx";`);

    this.addSql(`drop index "recipient_version_position_idx";`);

    this.addSql(`drop index "related_processing_version_position_idx";`);

    this.addSql(`drop index "remark_version_position_idx";`);

    this.addSql(`drop index "retention_rule_data_item_position_idx";`);

    this.addSql(`drop index "statutory_reference_purpose_position_idx";`);

    this.addSql(`drop index "third_country_transfer_version_position_idx";`);
  }

}
