import { Agent, request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { mixBodies, startServer, stop } from './intake';

/**
 * Live update (shared/design.md: p95 ≤ 50 ms): 20 producer consoles connected over the socket
 * while the public form receives a steady 1,000 messages a second; for every message, the time
 * from its acknowledgement reaching the sender to its `question.created` event reaching each
 * console. Negative when the event arrives first (it is sent at the commit, the answer after the
 * fsync): counted as 0. The first two seconds warm the core up (JIT, caches) and are not counted.
 */
export interface LiveUpdateResult {
  clients: number;
  rate: number;
  durationSeconds: number;
  acknowledged: number;
  /** Events expected (acknowledged × clients) that never arrived. */
  missing: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

function connect(url: string, onEvent: (reference: string, at: number) => void): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?role=producer&lang=en&name=bench`);
  // The reference is read off the frame without parsing it whole: 20 consoles receive 20,000
  // frames a second, and this process must not become the bottleneck it measures.
  socket.on('message', (data) => {
    const at = performance.now();
    const frame = String(data);
    if (!frame.includes('"question.created"')) return;
    const reference = /"reference":"([^"]+)"/.exec(frame)?.[1];
    if (reference) onEvent(reference, at);
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

const WARM_UP_SECONDS = 2;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function runLiveUpdateBench(options: { clients: number; rate: number; durationSeconds: number }): Promise<LiveUpdateResult> {
  const server = await startServer('bench/intakeServer.ts');
  const acked = new Map<string, number>();
  const seen: Array<Map<string, number>> = [];
  const sockets = await Promise.all(
    Array.from({ length: options.clients }, (_, i) => {
      seen.push(new Map());
      return connect(server.url, (reference, at) => seen[i]!.set(reference, at));
    }),
  );
  // A steady stream, paced by the clock (autocannon's rate options release each second's
  // requests at once, which measures a burst instead).
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const body = mixBodies();
  const target = new URL(`${server.url}/api/questions`);
  const send = (counted: boolean) =>
    new Promise<void>((resolve) => {
      const request = httpRequest(target, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const at = performance.now();
          if (counted && (response.statusCode ?? 500) < 300) acked.set((JSON.parse(text) as { value: { reference: string } }).value.reference, at);
          resolve();
        });
      });
      request.on('error', () => resolve());
      request.end(body());
    });
  const started = performance.now();
  const warmUp = options.rate * WARM_UP_SECONDS;
  const total = warmUp + options.rate * options.durationSeconds;
  const inFlight: Array<Promise<void>> = [];
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * options.rate) / 1000));
    for (; sent < due; sent++) inFlight.push(send(sent >= warmUp));
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  agent.destroy();
  // Stragglers: events still on their way when the load stops.
  await new Promise((r) => setTimeout(r, 1000));
  const delays: number[] = [];
  let missing = 0;
  for (const [reference, ackAt] of acked) {
    for (const client of seen) {
      const at = client.get(reference);
      if (at === undefined) missing++;
      else delays.push(Math.max(0, at - ackAt));
    }
  }
  for (const socket of sockets) socket.close();
  await stop(server.child);
  delays.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    clients: options.clients,
    rate: options.rate,
    durationSeconds: options.durationSeconds,
    acknowledged: acked.size,
    missing,
    p50Ms: round(percentile(delays, 50)),
    p95Ms: round(percentile(delays, 95)),
    p99Ms: round(percentile(delays, 99)),
  };
}
