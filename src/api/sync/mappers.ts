import type { Organisation } from '../../modules/organisation/organisation.entity';
import { toGlobalId } from '../common/global-id';
import type { OrganisationType } from './common.types';

export function toOrganisationType(o: Organisation): OrganisationType {
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
