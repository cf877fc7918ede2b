// The outside OSC client for the MixBox tests: npm's `osc` package (not written here) over UDP.
//   node peer.js check PORT          discovery, fader set + query, meter subscription rate
//   node peer.js loudness PORT       /meters/loudness: queried, then subscribed to for 2 s
//   node peer.js flood PORT RATE S   RATE fader sets a second for S seconds, with a query every
//                                    100 ms whose round trip is timed
// Prints one JSON line with what it saw.
"use strict";
const osc = require("osc");

const [mode, portText, rateText, secondsText] = process.argv.slice(2);
const port = new osc.UDPPort({ localAddress: "127.0.0.1", localPort: 0, remoteAddress: "127.0.0.1", remotePort: Number(portText), metadata: true });
const waiting = new Map(); // address -> resolvers, oldest first
const seen = { meters: 0, byAddress: {} };
const f = (value) => ({ type: "f", value });

port.on("message", (m) => {
  const queue = waiting.get(m.address);
  if (m.address.startsWith("/meters/") && !(queue && queue.length)) {
    seen.meters++;
    seen.byAddress[m.address] = (seen.byAddress[m.address] || 0) + 1;
    return;
  }
  if (queue && queue.length) queue.shift()(m);
});

function ask(address, args = [], timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    if (!waiting.has(address)) waiting.set(address, []);
    waiting.get(address).push(resolve);
    port.send({ address, args });
    setTimeout(() => reject(new Error(`no answer to ${address}`)), timeoutMs);
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function check() {
  const info = await ask("/info");
  port.send({ address: "/ch/03/mix/fader", args: [f(0.25)] });
  const fader = await ask("/ch/03/mix/fader");
  const db = await ask("/ch/03/mix/fader/db");
  port.send({ address: "/subscribe", args: [{ type: "s", value: "/meters/ch" }] });
  await sleep(500);
  const start = seen.meters;
  await sleep(2000);
  const pushes = seen.meters - start;
  return { info: info.args.map((a) => a.value), fader: fader.args[0].value, faderDb: db.args[0].value, meterPushesIn2s: pushes };
}

async function loudness() {
  const answer = await ask("/meters/loudness");
  port.send({ address: "/subscribe", args: [{ type: "s", value: "/meters/loudness" }] });
  await sleep(500);
  const start = seen.byAddress["/meters/loudness"] || 0;
  await sleep(2000);
  const pushes = (seen.byAddress["/meters/loudness"] || 0) - start;
  port.send({ address: "/unsubscribe", args: [{ type: "s", value: "/meters/loudness" }] });
  return { types: answer.args.map((a) => a.type).join(""), values: answer.args.map((a) => a.value), pushesIn2s: pushes };
}

async function flood(rate, seconds) {
  // Every 10 ms it sends what the rate asks for by then, so a late timer (a loaded machine)
  // makes bursts, not fewer messages.
  let sent = 0;
  const rtts = [];
  const begin = Date.now();
  const end = begin + seconds * 1000;
  let nextQuery = begin;
  while (Date.now() < end) {
    const now = Date.now();
    const due = Math.min(rate * seconds, Math.floor(((now - begin) * rate) / 1000));
    while (sent < due) {
      port.send({ address: `/ch/0${1 + (sent % 7)}/mix/fader`, args: [f((sent % 100) / 100)] });
      sent++;
    }
    if (now >= nextQuery) {
      nextQuery = now + 100;
      const t0 = process.hrtime.bigint();
      ask("/ch/08/mix/fader/db").then(() => rtts.push(Number(process.hrtime.bigint() - t0) / 1e6), () => rtts.push(-1));
    }
    await sleep(10 - ((Date.now() - begin) % 10));
  }
  while (sent < rate * seconds) {
    port.send({ address: `/ch/0${1 + (sent % 7)}/mix/fader`, args: [f((sent % 100) / 100)] });
    sent++;
  }
  await sleep(2500); // stragglers (an answer times out after 2 s)
  const answered = rtts.filter((r) => r >= 0).sort((a, b) => a - b);
  return {
    sent, queries: rtts.length, answered: answered.length,
    rttMedianMs: answered[Math.floor(answered.length / 2)], rttMaxMs: answered[answered.length - 1],
  };
}

port.on("ready", async () => {
  try {
    const result = mode === "flood" ? await flood(Number(rateText), Number(secondsText)) : mode === "loudness" ? await loudness() : await check();
    console.log(JSON.stringify(result));
    port.close();
    process.exit(0);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
});
port.open();
