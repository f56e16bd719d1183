// The address bar and the ladder each view asks for.
import { MAX_BOXES, paramsFrom, searchOf, trailOf, variablesFor, viewKind } from '../../../src/web/ladder/views';

it('reads and writes the state as query parameters, blank as absent, expand comma-separated', () => {
  const params = paramsFrom('?role=sales/ae%23ae&expand=a/b,,c/d&at=&from=v1');
  expect(params).toEqual({ department: null, family: null, role: 'sales/ae#ae', view: null, at: null, from: 'v1', to: null, expand: ['a/b', 'c/d'] });
  expect(searchOf(params)).toBe('role=sales%2Fae%23ae&from=v1&expand=a%2Fb%2Cc%2Fd');
  expect(paramsFrom(`?${searchOf(params)}`)).toEqual(params);
});

it('opens on departments; a department on its families; a family or a role on roles, collapsed beyond MAX_BOXES', () => {
  const none = paramsFrom('');
  expect(viewKind(none)).toBe('overview');
  expect(variablesFor(none)).toEqual({ level: 'DEPARTMENTS', at: null, from: null, to: null });
  expect(variablesFor(paramsFrom('?department=sales&from=v1&to=v2'))).toEqual({ level: 'FAMILIES', department: 'sales', at: null, from: 'v1', to: 'v2' });
  expect(variablesFor(paramsFrom('?department=sales&view=roles'))).toMatchObject({ level: 'ROLES', department: 'sales', collapseAbove: MAX_BOXES });
  expect(variablesFor(paramsFrom('?family=sales/ae'))).toMatchObject({ level: 'ROLES', family: 'sales/ae', collapseAbove: MAX_BOXES });
  expect(variablesFor(paramsFrom('?role=sales/ae%23ae&expand=x/y'))).toMatchObject({ level: 'ROLES', role: 'sales/ae#ae', expand: ['x/y'] });
  expect(MAX_BOXES).toBe(150);
});

it('leads back up through the department, keeping the refs', () => {
  expect(trailOf(paramsFrom('?family=sales/ae&at=v2'), 'Account Executive')).toEqual([
    { label: 'All departments', params: { at: 'v2', from: null, to: null } },
    { label: 'sales', params: { at: 'v2', from: null, to: null, department: 'sales' } },
    { label: 'Account Executive', params: { at: 'v2', from: null, to: null, family: 'sales/ae' } },
  ]);
});
