// The connection types of the schema, declared once.
import { connectionType } from './connection';
import { Commit } from './commit.type';
import { JobFamily } from './family.type';
import { Role } from './role.type';
import { RoleVersion } from './roleVersion.type';

export const CommitConnection = connectionType(Commit, 'Commit');
export const JobFamilyConnection = connectionType(JobFamily, 'JobFamily');
export const RoleConnection = connectionType(Role, 'Role');
export const RoleVersionConnection = connectionType(RoleVersion, 'RoleVersion');
