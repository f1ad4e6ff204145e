// Preloaded with `node --require` into every process the egress test starts (NODE_OPTIONS carries it to
// their children): records each outgoing connection, datagram and DNS query, one JSON line per call in
// the file EGRESS_LOG names, with the recording process's script. It only records; calls go on as usual.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');

const file = process.env.EGRESS_LOG;
const script = process.argv[1] || process.argv0;
function record(kind, target) {
  if (!file) return;
  try {
    fs.appendFileSync(file, JSON.stringify({ pid: process.pid, script, kind, target: String(target) }) + '\n');
  } catch {
    /* never break the process */
  }
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first; // net internals pass [options, cb]
  if (options && typeof options === 'object') record('connect', options.path ? `unix:${options.path}` : `${options.host ?? 'localhost'}:${options.port}`);
  else if (typeof first === 'string' && Number.isNaN(Number(first))) record('connect', `unix:${first}`);
  else record('connect', `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`);
  return connect.apply(this, args);
};

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveSrv', 'reverse']) {
  for (const target of [dns, dns.promises, dns.Resolver.prototype, dns.promises.Resolver.prototype]) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function (host, ...rest) {
      record(`dns.${name}`, host);
      return original.call(this, host, ...rest);
    };
  }
}

const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function (...args) {
  const address = args.find((a, i) => i > 0 && typeof a === 'string');
  record('udp', address ?? this.remoteAddress?.().address ?? 'unknown');
  return send.apply(this, args);
};
