import { Migration } from '@mikro-orm/migrations';
import { NO_PARENT, SIBLING_KEY_SQL } from '../src/modules/organisation/organisation.service';

/**
 * Organisation names are unique among siblings, ignoring case (issue 12, section 4): organisations
 * without a Dutch identifier are known by name, so a second "Afdeling Burgerzaken" under the same
 * parent must be an error, not a second unit.
 *
 * Duplicates made before this rule are not merged (their records, tokens and audit history stay
 * where they are): the oldest keeps its name, each later one gets its id's first eight characters
 * appended ("Afdeling Burgerzaken (1a2b3c4d)"), and an audit entry per rename
 * (renameDuplicateOrganisation, actor "migration") tells the operator which to merge or rename.
 */
export class Migration20261202101300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`with ranked as (
        select id, name, row_number() over (partition by ${SIBLING_KEY_SQL} order by created_at, id) as n from organisation
      ), renamed as (
        update organisation o set name = o.name || ' (' || left(o.id::text, 8) || ')', updated_at = now()
          from ranked r where r.id = o.id and r.n > 1
        returning o.id, r.name as old_name, o.name as new_name
      )
      insert into audit_log_entry (actor, operation, target_organisation_id, outcome, details)
      select 'migration', 'renameDuplicateOrganisation', id, 'CHANGED', jsonb_build_object('from', old_name, 'to', new_name, 'reason', 'names are unique among siblings') from renamed;`);
    this.addSql(`create unique index "organisation_parent_name_unique" on "organisation" (coalesce("parent_id", '${NO_PARENT}'::uuid), lower("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "organisation_parent_name_unique";`);
  }
}
