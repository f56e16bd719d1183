/**
 * Appends `items` to `target` one by one: `target.push(...items)` passes every item as an argument
 * and overflows the call stack for the hundreds of thousands of bullets a hostile page can hold.
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
