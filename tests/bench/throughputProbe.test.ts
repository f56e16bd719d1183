import type { LoadResult } from '../../bench/httpLoad';
import { medianSlice } from '../../bench/throughputProbe';

const load = (requestsPerSec: number, latencyP99Ms = 1): LoadResult => ({ requestsPerSec, latencyP50Ms: 0, latencyP99Ms, errors: 0, non2xx: 0 });

describe('medianSlice', () => {
  it("takes the round whose req/s is the median, with that round's latencies", () => {
    const rounds = [load(7152, 3), load(5280, 4), load(5063, 9)];
    expect(medianSlice(rounds)).toBe(rounds[1]);
    expect(medianSlice([load(3072), load(28360), load(10441)]).requestsPerSec).toBe(10441);
  });

  it('takes the lower middle of an even count and the only round of one', () => {
    expect(medianSlice([load(4), load(1), load(3), load(2)]).requestsPerSec).toBe(2);
    expect(medianSlice([load(9)]).requestsPerSec).toBe(9);
  });
});
