// A full garbage collection from inside a test. Jest's workers run without --expose-gc; the flag set
// at run time applies to contexts made after it, so a new context hands out V8's gc function.
import v8 from 'node:v8';
import vm from 'node:vm';

export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
