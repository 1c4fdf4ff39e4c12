/** The baseline: a bare node:http server that reads the body and answers 200 with a small JSON. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end('{"ok":true}');
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`URL http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  const cpu = process.cpuUsage();
  console.log(`CPU_US ${cpu.user + cpu.system}`);
  server.close(() => process.exit(0));
});
