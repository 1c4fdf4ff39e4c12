import WebSocket from 'ws';
import { pacedLoad } from './pacedLoad';
import { deskHeaders, startBundledServer, stop } from './process';
import { percentile } from './report';

/**
 * Live update (issue 15): 20 producer consoles connected over the socket while the public form
 * receives a steady stream; for every acknowledged message, the time from its acknowledgement
 * reaching the sender to its `question.created` event reaching each console. Negative when the
 * event arrives first (it is sent at the commit, the answer after the fsync): counted as 0.
 * An event that has not arrived a second after the load stopped counts as missing.
 */
export interface LiveUpdateResult {
  clients: number;
  rate: number;
  durationSeconds: number;
  acknowledged: number;
  failed: number;
  /** Events expected (acknowledged × clients) that never arrived. */
  missing: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Send → acknowledgement at the sender, p50 and p95. */
  ackP50Ms: number;
  ackP95Ms: number;
}

interface EventItem {
  name: string;
  payload: { reference?: string };
}

function connect(url: string, onEvent: (reference: string, at: number) => void): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?role=producer&lang=en&name=bench`, { headers: deskHeaders(url) });
  // A turn's events reach a console as one frame (`events`), each a `question.created` or another
  // event; frames without a new question are not parsed, so this process stays light.
  socket.on('message', (data) => {
    const at = performance.now();
    const frame = String(data);
    if (!frame.includes('"question.created"')) return;
    const message = JSON.parse(frame) as { type: string; items?: EventItem[] } & EventItem;
    for (const item of message.type === 'events' ? (message.items ?? []) : [message]) {
      if (item.name === 'question.created' && item.payload.reference) onEvent(item.payload.reference, at);
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

const WARM_UP_SECONDS = 3;
/** How long the warm-up's backlog may take to reach the consoles before the storm starts anyway. */
const WARM_UP_DRAIN_MS = 30_000;
const STRAGGLERS_MS = 1000;

/** Runs one rate against the server script `server` (the desk, or the bare floor). */
export async function runLiveUpdate(options: { server: string; clients: number; rate: number; durationSeconds: number }): Promise<LiveUpdateResult> {
  const server = await startBundledServer(options.server);
  const seen: Array<Map<string, number>> = [];
  const sockets = await Promise.all(
    Array.from({ length: options.clients }, (_, i) => {
      seen.push(new Map());
      return connect(server.url, (reference, at) => seen[i]!.set(reference, at));
    }),
  );
  const clientCpu = process.cpuUsage();
  const loadStarted = performance.now();
  // As the CPU row does: the server warms up at the same rate (JIT, caches, worker threads), and the
  // storm that counts starts once the warm-up's questions have all reached the consoles, so a cold
  // start's backlog is not measured as the storm's.
  const warm = await pacedLoad({ url: server.url, rate: options.rate, seconds: WARM_UP_SECONDS, warmUpSeconds: 0, tag: 'warm-' });
  const warmUntil = performance.now() + WARM_UP_DRAIN_MS;
  while (performance.now() < warmUntil && [...warm.acked.keys()].some((reference) => !seen.every((client) => client.has(reference)))) {
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const client of seen) client.clear();
  const load = await pacedLoad({ url: server.url, rate: options.rate, seconds: options.durationSeconds, warmUpSeconds: 0, tag: 'load-' });
  if (process.env.BENCH_TRACE) {
    const used = process.cpuUsage(clientCpu);
    console.error(`trace load generator: ${((used.user + used.system) / 1000 / (performance.now() - loadStarted)).toFixed(2)} cores`);
  }
  await new Promise((r) => setTimeout(r, STRAGGLERS_MS));
  const delays: number[] = [];
  let missing = 0;
  for (const [reference, ackAt] of load.acked) {
    for (const client of seen) {
      const at = client.get(reference);
      if (at === undefined) missing++;
      else delays.push(Math.max(0, at - ackAt));
    }
  }
  for (const socket of sockets) socket.close();
  await stop(server.child);
  delays.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    clients: options.clients,
    rate: options.rate,
    durationSeconds: options.durationSeconds,
    acknowledged: load.acked.size,
    failed: load.failed,
    missing,
    p50Ms: round(percentile(delays, 50)),
    p95Ms: round(percentile(delays, 95)),
    p99Ms: round(percentile(delays, 99)),
    ackP50Ms: round(percentile(load.ackMs, 50)),
    ackP95Ms: round(percentile(load.ackMs, 95)),
  };
}
