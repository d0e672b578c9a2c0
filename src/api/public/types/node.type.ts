import { Field, ID, InterfaceType } from 'type-graphql';

/** DTOs of activities and versions are class instances; organisations are plain objects with a kind. Synchronous: see buildPublicSchema. */
export function resolveNodeType(value: object): string {
  return value.constructor?.name === 'PublicProcessingActivity' ? 'ProcessingActivity' : value.constructor?.name === 'PublicProcessingActivityVersion' ? 'ProcessingActivityVersion' : 'Organisation';
}

@InterfaceType({
  description: 'An object with a global id (Relay). Pass the id to `node` to fetch it again.',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;
}
