import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'An object with a global id (Relay). Pass the id to `node` to fetch it again.',
  // DTOs of activities and versions are class instances; organisations are plain objects with a kind.
  resolveType: (value: object) => (value.constructor?.name === 'PublicProcessingActivity' ? 'ProcessingActivity' : value.constructor?.name === 'PublicProcessingActivityVersion' ? 'ProcessingActivityVersion' : 'Organisation'),
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;
}
