// The ceiling of the benchmark: a bare node:http server answering fixed bodies, in a process of its own as the
// simulator is (a server sharing the load generator's event loop would be measured against it).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const server = createServer((request, response) => {
  const body = request.method === 'GET' ? '{"value":[]}' : '{}';
  request.resume();
  response.writeHead(request.method === 'PATCH' ? 204 : 200, { 'content-type': 'application/json' });
  response.end(request.method === 'PATCH' ? undefined : body);
});
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`),
);
