import { Agent, request as httpRequest } from 'node:http';
import { mixBodies } from './messages';

export interface PacedLoadResult {
  /** Reference → when its acknowledgement reached the sender (performance.now()), counted messages only. */
  acked: Map<string, number>;
  sent: number;
  failed: number;
  /** Send → acknowledgement, counted messages, ms, sorted. */
  ackMs: number[];
}

/**
 * A steady stream of realistic form posts, paced by the clock (autocannon's rate options release
 * each second's requests at once, which measures a burst instead). The first `warmUpSeconds`
 * warm the server up (JIT, caches) and are not counted.
 */
export async function pacedLoad(options: { url: string; rate: number; seconds: number; warmUpSeconds: number; tag?: string }): Promise<PacedLoadResult> {
  const acked = new Map<string, number>();
  const ackMs: number[] = [];
  let failed = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const body = mixBodies(options.tag);
  const target = new URL(`${options.url}/api/questions`);
  const send = (counted: boolean) =>
    new Promise<void>((resolve) => {
      const sentAt = performance.now();
      const request = httpRequest(target, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const at = performance.now();
          if ((response.statusCode ?? 500) >= 300) failed++;
          else if (counted) {
            acked.set((JSON.parse(text) as { value: { reference: string } }).value.reference, at);
            ackMs.push(at - sentAt);
          }
          resolve();
        });
      });
      request.on('error', () => {
        failed++;
        resolve();
      });
      request.end(JSON.stringify(body()));
    });
  const started = performance.now();
  const warmUp = Math.round(options.rate * options.warmUpSeconds);
  const total = warmUp + Math.round(options.rate * options.seconds);
  const inFlight: Array<Promise<void>> = [];
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * options.rate) / 1000));
    for (; sent < due; sent++) inFlight.push(send(sent >= warmUp));
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  agent.destroy();
  ackMs.sort((a, b) => a - b);
  return { acked, sent, failed, ackMs };
}
