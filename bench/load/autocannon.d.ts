// autocannon ships no types (and @types/autocannon is not installed): the part of its API the
// load test uses, from its README (v8: options, `done` results, hdr-histogram objects).
declare module 'autocannon' {
  interface Histogram {
    readonly min: number;
    readonly max: number;
    readonly average: number;
    readonly stddev: number;
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly p99_9: number;
  }

  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    timeout?: number;
    /** A response whose body this does not accept counts in `mismatches`. */
    verifyBody?: (body: string) => boolean;
  }

  interface Result {
    readonly latency: Histogram;
    readonly requests: Histogram;
    readonly throughput: Histogram;
    readonly duration: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly mismatches: number;
    readonly non2xx: number;
    readonly resets: number;
    readonly '2xx': number;
    readonly statusCodeStats: Record<string, { readonly count: number }>;
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
