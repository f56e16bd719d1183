// Every part of the public schema says what it is: a frontend developer reads these in GraphiQL's
// docs and in generated types. Walks the built schema and names every type, field, argument,
// input field and enum value without a description.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { buildRolegraphSchema } from '../../src/graphql/buildSchema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildRolegraphSchema();
});

/** Our own types: graphql-js's introspection types and the five standard scalars are described by the spec. */
function ownTypes(): GraphQLNamedType[] {
  return Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__') && !(isScalarType(type) && isSpecifiedScalarType(type)));
}

function undescribed(): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined): boolean => !text || text.trim() === '';
  for (const type of ownTypes()) {
    if (blank(type.description)) missing.push(`type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`field ${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`argument ${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`input field ${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value.description)) missing.push(`enum value ${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribed()).toEqual([]);
  });

  it('looks at every kind of schema member it claims to check', () => {
    // Guards the walk itself: each kind it reports must exist in the schema.
    const types = ownTypes();
    expect(types.some((t) => isObjectType(t) && Object.values(t.getFields()).some((f) => f.args.length > 0))).toBe(true);
    expect(types.some(isInputObjectType)).toBe(true);
    expect(types.some(isEnumType)).toBe(true);
    expect(types.some((t) => isScalarType(t) && !isSpecifiedScalarType(t))).toBe(true);
  });

  it('tells a codegen user the wire format of each custom scalar, with an example', () => {
    const custom = ownTypes().filter((t) => isScalarType(t));
    expect(custom.map((t) => t.name)).toEqual(['DateTimeISO']);
    const dateTime = schema.getType('DateTimeISO')!;
    expect(dateTime.description).toContain('string');
    expect(dateTime.description).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/);
    const commit = schema.getType('Commit');
    expect(isObjectType(commit) && String(getNamedType(commit.getFields().date.type))).toBe('DateTimeISO');
  });
});
