import type { Organisation } from '../../modules/organisation/organisation.entity';
import { toGlobalId } from '../common/global-id';
import type { OrganisationType } from './common.types';

/** An organisation's fields as the sync surface shows them: an entity, or a row with the same fields. */
export type OrganisationFields = Pick<Organisation, 'id' | 'name' | 'abbreviation' | 'kind' | 'tooiUri' | 'oin' | 'website' | 'email' | 'phone'> & { parent: { id: string } | null };

export function toOrganisationType(o: OrganisationFields): OrganisationType {
  return {
    id: toGlobalId('Organisation', o.id),
    name: o.name,
    abbreviation: o.abbreviation,
    kind: o.kind,
    tooiUri: o.tooiUri,
    oin: o.oin,
    parentId: o.parent ? toGlobalId('Organisation', o.parent.id) : null,
    website: o.website,
    email: o.email,
    phone: o.phone,
  };
}
