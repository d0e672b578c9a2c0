import { getNamedType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema, isLeafType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';

/**
 * The selection of "every field" of a public type, written out from the schema itself, so the
 * downloads carry exactly what the GraphQL type carries and follow it when fields are added.
 *
 * A record points at other objects that point back (an organisation's children and parent, a
 * related record): a type already on the path is selected with its leaf fields only, and fields
 * that list a type already on the path are left out. Fields with required arguments are left out.
 * Fields named in `skip` ("Type.field") are left out too: they list other records' objects, not
 * this record's content.
 */
export function fullSelection(schema: GraphQLSchema, typeName: string, skip: ReadonlySet<string> = new Set()): string {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of this schema`);
  return selectionOf(type, [type.name], skip);
}

function selectionOf(type: GraphQLObjectType, path: string[], skip: ReadonlySet<string>): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (skip.has(`${type.name}.${field.name}`) || hasRequiredArguments(field)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) {
      parts.push(field.name);
    } else if (isObjectType(named)) {
      if (path.includes(named.name)) {
        if (isList(field.type)) continue;
        const leaves = Object.values(named.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !hasRequiredArguments(f));
        if (leaves.length) parts.push(`${field.name} { ${leaves.map((f) => f.name).join(' ')} }`);
      } else {
        const inner = selectionOf(named, [...path, named.name], skip);
        if (inner) parts.push(`${field.name} { ${inner} }`);
      }
    }
  }
  return parts.join(' ');
}

function hasRequiredArguments(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}
