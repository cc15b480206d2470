// Preloaded by test/helpers/offline.ts where no network namespace can be made: any connection to another host throws.
import net from 'node:net';

const local = (host) => !host || host === 'localhost' || host === '::1' || /^127\./.test(host);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const o = typeof args[0] === 'object' ? args[0] : { host: args[1] };
  if (o && !o.path && !local(o.host)) throw new Error(`network access refused in tests: ${o.host}`);
  return connect.apply(this, args);
};
globalThis.fetch = async (url) => {
  const host = new URL(String(url?.url ?? url)).hostname;
  if (!local(host)) throw new Error(`network access refused in tests: ${host}`);
  throw new Error('fetch is not available in tests');
};
