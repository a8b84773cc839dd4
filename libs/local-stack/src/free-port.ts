import { createServer } from 'node:net';

/** The preferred port when it is free on 127.0.0.1, else one the OS picks. */
export async function findFreePort(preferred = 0): Promise<number> {
  try {
    return await listenOnce(preferred);
  } catch {
    return listenOnce(0);
  }
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(chosen));
    });
  });
}
