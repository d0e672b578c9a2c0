import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity';
import { ProcessingActivity } from './processing-activity.entity';
import type { RecordContent } from './record-content';
import { relatedKey, type VersionLinks } from './version-builder';

/**
 * Resolves, in two queries for a whole batch, the organisations that parties name (by TOOI/OIN)
 * and the activities that related-processing links point at.
 */
export async function resolveVersionLinks(em: EntityManager, owner: Pick<Organisation, 'id' | 'tooiUri'>, contents: RecordContent[]): Promise<VersionLinks> {
  const identifiers = new Set<string>();
  const related: { tooi: string | null; reference: string }[] = [];
  for (const c of contents) {
    for (const p of [...c.controllers, ...c.processors]) {
      if (p.organisationTooi) identifiers.add(p.organisationTooi);
      if (p.organisationOin) identifiers.add(p.organisationOin);
    }
    for (const r of c.relatedProcessings) {
      related.push({ tooi: r.organisationTooi ?? null, reference: r.reference });
      if (r.organisationTooi) identifiers.add(r.organisationTooi);
    }
  }
  const organisationsByIdentifier = new Map<string, Organisation>();
  const organisationIdsByIdentifier = new Map<string, string>();
  if (identifiers.size) {
    const ids = [...identifiers];
    const found = await em.find(Organisation, { $or: [{ tooiUri: { $in: ids } }, { oin: { $in: ids } }] });
    for (const o of found) {
      for (const identifier of [o.tooiUri, o.oin]) {
        if (!identifier) continue;
        organisationsByIdentifier.set(identifier, o);
        organisationIdsByIdentifier.set(identifier, o.id);
      }
    }
  }
  const activityIdsByReference = new Map<string, string>();
  if (related.length) {
    const ownerOf = (tooi: string | null) => (tooi ? organisationsByIdentifier.get(tooi) : owner);
    const wanted = related.flatMap((r) => {
      const org = ownerOf(r.tooi);
      return org ? [{ organisation: org.id, reference: r.reference }] : [];
    });
    if (wanted.length) {
      const found = await em.find(ProcessingActivity, { $or: wanted }, { populate: ['organisation'] });
      for (const a of found) {
        const tooi = a.organisation.id === owner.id ? null : a.organisation.tooiUri;
        activityIdsByReference.set(relatedKey(tooi, a.reference), a.id);
        if (a.organisation.id === owner.id && owner.tooiUri) activityIdsByReference.set(relatedKey(owner.tooiUri, a.reference), a.id);
      }
    }
  }
  return { organisationIdsByIdentifier, activityIdsByReference };
}
