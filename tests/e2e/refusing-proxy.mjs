// A proxy that refuses every request and logs it. A browser pointed at it
// (127.0.0.1 itself excepted) can reach nothing beyond the test servers, and
// every attempt it makes, from any page, extension page, background or
// content script, lands in `requests`.
import { createServer } from "node:http";

export async function refusingProxy() {
  const requests = [];
  const server = createServer((request, response) => {
    // A proxied plain-HTTP request names its absolute URL.
    requests.push({ url: request.url, time: Date.now() });
    response.writeHead(403, { "content-type": "text/plain" }).end("refused by the test proxy");
  });
  // HTTPS and WebSockets ask for a tunnel first: "CONNECT host:443".
  server.on("connect", (request, socket) => {
    requests.push({ url: `https://${request.url}/`, time: Date.now() });
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, "127.0.0.1", resolve)));
  return {
    port: /** @type {import("node:net").AddressInfo} */ (server.address()).port,
    requests,
    close: () => {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      return closed;
    },
  };
}
