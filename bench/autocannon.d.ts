/** The part of autocannon's programmatic API the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    duration: number;
  }
  export interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    idReplacement?: boolean;
    /** Per-request overrides; `setupRequest` may rewrite each request before it is sent. */
    requests?: Array<{
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: { method?: string; headers?: Record<string, string>; body?: string; path?: string }) => {
        method?: string;
        headers?: Record<string, string>;
        body?: string;
        path?: string;
      };
    }>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
