import { Migration } from '@mikro-orm/migrations';

/**
 * Parsed retention rules move from rows of their own (retention_rule) into a JSON document on
 * their data item (data_item.retention_rules), in text order, with the parser's field names.
 * They are derived from the item's verbatim text and only ever read with it; as rows they cost a
 * sync batch some 300 inserts and foreign-key checks per 50 versions (docs/performance.md).
 * Existing rules are carried over; down() puts them back as rows.
 */
export class Migration20261123135519 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "data_item" add column "retention_rules" jsonb not null default '[]';`);
    this.addSql(`update "data_item" d set "retention_rules" = r.rules
      from (select data_item_id,
                   jsonb_agg(jsonb_build_object('kind', kind, 'duration', duration, 'eventTrigger', event_trigger, 'valuation', valuation,
                                                'selectionList', selection_list, 'processNumber', process_number, 'processTitle', process_title,
                                                'appliesTo', applies_to, 'sourceFragment', source_fragment) order by position) rules
              from "retention_rule" group by data_item_id) r
     where r.data_item_id = d.id;`);
    this.addSql(`drop table if exists "retention_rule" cascade;`);
    this.addSql(`drop type "retention_kind";`);
    this.addSql(`drop type "retention_valuation";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create type "retention_kind" as enum ('DURATION', 'UNTIL_EVENT', 'PERMANENT');`);
    this.addSql(`create type "retention_valuation" as enum ('DESTROY', 'KEEP');`);
    this.addSql(`create table "retention_rule" ("id" uuid not null, "data_item_id" uuid not null, "position" int2 not null, "kind" "retention_kind" not null, "duration" varchar(32) null, "event_trigger" text null, "valuation" "retention_valuation" null, "selection_list" text null, "process_number" varchar(32) null, "process_title" text null, "applies_to" text null, "source_fragment" text not null, constraint "retention_rule_pkey" primary key ("id"));`);
    this.addSql(`create index "retention_rule_data_item_position_idx" on "retention_rule" ("data_item_id", "position");`);
    this.addSql(`alter table "retention_rule" add constraint "retention_rule_data_item_id_foreign" foreign key ("data_item_id") references "data_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`insert into "retention_rule" (id, data_item_id, position, kind, duration, event_trigger, valuation, selection_list, process_number, process_title, applies_to, source_fragment)
      select gen_random_uuid(), d.id, r.n - 1, (r.rule->>'kind')::retention_kind, r.rule->>'duration', r.rule->>'eventTrigger', (r.rule->>'valuation')::retention_valuation,
             r.rule->>'selectionList', r.rule->>'processNumber', r.rule->>'processTitle', r.rule->>'appliesTo', r.rule->>'sourceFragment'
        from "data_item" d cross join lateral jsonb_array_elements(d.retention_rules) with ordinality r(rule, n);`);
    this.addSql(`create trigger "retention_rule_public_register_changed" after insert or update or delete or truncate on "retention_rule" for each statement execute function notify_public_register_changed();`);
    this.addSql(`alter table "data_item" drop column "retention_rules";`);
  }
}
