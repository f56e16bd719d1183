import fs from 'node:fs';
import { printSchema } from 'graphql';
import { buildRolegraphSchema } from '../../src/graphql/buildSchema';
import { SCHEMA_FILE } from '../../src/server/printSchema';

describe('schema/schema.graphql', () => {
  it('matches the schema the type-graphql classes build', async () => {
    const built = `${printSchema(await buildRolegraphSchema())}\n`;
    const checkedIn = fs.readFileSync(SCHEMA_FILE, 'utf8');
    if (built !== checkedIn) {
      throw new Error('schema/schema.graphql is stale: run `npm run build && npm run schema` and commit the result');
    }
    expect(built).toBe(checkedIn);
  });

  it('keeps the public names of the contract', async () => {
    const schema = await buildRolegraphSchema();
    const query = schema.getQueryType()!.getFields();
    for (const name of ['repository', 'commit', 'commits', 'families', 'family', 'roles', 'role', 'grades', 'roleHistory']) {
      expect(query[name]).toBeDefined();
    }
    expect(Object.keys(schema.getMutationType()!.getFields())).toEqual(['refresh']);
    expect(Object.keys(schema.getSubscriptionType()!.getFields())).toEqual(['headChanged']);
    expect(String(query.role.type)).toBe('Role');
    expect(String(query.family.type)).toBe('JobFamily');
    expect(String(query.roles.type)).toBe('RoleConnection!');
  });
});
