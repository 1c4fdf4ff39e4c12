/**
 * The live update's physical floor: a bare node:http server that reads each form post, sends a
 * `question.created` frame with its text to every socket (ws) and answers with a reference — no
 * validation, storage or analysis. What 20 consoles at a given rate cost this machine, the load
 * generator's own share included.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const sockets = new Set<WebSocket>();
let seq = 0;
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    const reference = `floor-${++seq}`;
    const { text } = JSON.parse(body) as { text: string };
    const frame = JSON.stringify({ type: 'event', name: 'question.created', payload: { reference, originalText: text }, seq });
    for (const socket of sockets) socket.send(frame);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: true, value: { reference } }));
  });
});
new WebSocketServer({ server }).on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
server.listen(0, '127.0.0.1', () => console.log(`URL http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => process.exit(0));
