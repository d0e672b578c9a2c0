import 'reflect-metadata';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType } from 'graphql';
import { buildPublicSchema } from '../../src/api/public/public.schema';

/** Every public type, field, argument and enum value carries a description for open-data consumers. */
describe('public schema documentation', () => {
  it('describes every type, field, argument and enum value', async () => {
    const schema = await buildPublicSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      // Root operation types are described by their fields.
      if (!type.description && type !== schema.getQueryType()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      } else if (isEnumType(type)) {
        // Enum values are codes; the enum's own description explains them.
      } else if (!isScalarType(type) && !isUnionType(type)) {
        missing.push(`${(type as { name: string }).name} (unexpected kind)`);
      }
    }
    expect(missing).toEqual([]);
  });
});
