// The MixBox front panel in the browser: draws the panel, sends gestures, shows the state
// the twin sends over /ws (JSON ~33/s) and plays its mix (binary 16-bit stereo 48 kHz).
// Everything drawn comes from the box's own state (its LEDs, pages, memories, readings):
// the page decides nothing the firmware owns.
"use strict";
const FULL = 4095, CH = 8, KNOB_MASTER = 8, KNOB_COMP = 9;
const LED = { busL: 0, busR: 16, signal: 32, clip: 40, gr: 48, comp: 56, meter: 57, store: 58, fault: 59 };
const KEY = { mute: 0, solo: 13, comp: 26, meter: 27, store: 28 };
const BUS_DB = ["-48", "-36", "-30", "-24", "-18", "-12", "-9", "-6", "-4", "-2", "-1", "0"];
const GR_DB = ["1", "2", "3", "4", "6", "8", "12", "20"];
const SUBPAGES = ["EQ LOW", "EQ BELLS", "EQ HIGH", "DE-ESSER", "STEREO"];
const PARTS = [["adcA", "ADC A (in 1–4)"], ["adcB", "ADC B (in 5–8)"], ["dac", "DAC"], ["knobsA", "knob ADC A"], ["knobsB", "knob ADC B"], ["panel", "panel driver"]];
const PAGES = {
  "": ["MIX", "hold STORE: memories · hold COMP IN: bus EQ, de-esser, stereo · hold METER: input gain · tap METER: meter mode"],
  store: ["STORE PAGE", "MUTE n: store · SOLO n: recall · MUTE+SOLO n: safe · tap COMP IN: other bank · LEDs: SIG held, CLIP last used, GR safe"],
  bus: ["BUS PAGE", "MUTE 1–5: sub-page (GR ladder) · SOLO: switches · orange marker: turn the knob there to take over"],
  input: ["INPUT PAGE", "knobs: analogue gain 0–42 dB · MUTE n: line / instrument · SOLO n: auto-gain"],
  selftest: ["SELF-TEST", "loopback self-test running: output L into input 1"],
};

let socket, state = null;
const knobs = [];
const latches = {};

function el(tag, cls, parent, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}

function send(msg) { if (socket && socket.readyState === 1) socket.send(JSON.stringify(msg)); }

const angle = (t) => -135 + 270 * t / FULL;

function makeKnob(parent, index, label, initial) {
  const cell = el("div", "knob-cell", parent);
  const wrap = el("div", "knob-wrap", cell);
  el("div", "knob-ring", wrap);
  const marker = el("div", "marker", wrap);
  marker.title = "turn the knob here to take over (soft takeover)";
  const k = el("div", "knob", wrap);
  k.tabIndex = 0;
  k.setAttribute("role", "slider");
  k.setAttribute("aria-label", label);
  k.setAttribute("aria-valuemin", "0");
  k.setAttribute("aria-valuemax", String(FULL));
  k.setAttribute("data-testid", `knob-${index + 1}`);
  el("div", "cap", k);
  const pointer = el("div", "pointer", k);
  const value = el("div", "value", cell);
  const name = el("label", "", cell, label);
  const knob = {
    travel: initial,
    set(t, fromUser) {
      t = Math.max(0, Math.min(FULL, Math.round(t)));
      this.travel = t;
      pointer.style.transform = `rotate(${angle(t)}deg)`;
      k.setAttribute("aria-valuenow", String(t));
      if (fromUser) send({ type: "knob", knob: index, travel: t });
    },
    show(labelText, valueText, engaged, target) {
      name.textContent = labelText;
      value.textContent = valueText;
      k.setAttribute("aria-valuetext", `${labelText} ${valueText}${engaged ? "" : " (turn to the marker to take over)"}`);
      wrap.classList.toggle("pickup", !engaged && target >= 0);
      cell.classList.toggle("idle", labelText === "—");
      if (target >= 0) marker.style.transform = `rotate(${angle(target)}deg)`;
    },
  };
  knob.set(initial, false);
  let dragY = null, dragStart = 0;
  k.addEventListener("pointerdown", (e) => { k.setPointerCapture(e.pointerId); dragY = e.clientY; dragStart = knob.travel; k.focus(); e.preventDefault(); });
  k.addEventListener("pointermove", (e) => { if (dragY !== null) knob.set(dragStart + (dragY - e.clientY) * (FULL / 200), true); });
  k.addEventListener("pointerup", () => { dragY = null; });
  k.addEventListener("pointercancel", () => { dragY = null; });
  k.addEventListener("wheel", (e) => { e.preventDefault(); knob.set(knob.travel - Math.sign(e.deltaY) * 41, true); }, { passive: false });
  k.addEventListener("keydown", (e) => {
    const step = { ArrowUp: 41, ArrowRight: 41, ArrowDown: -41, ArrowLeft: -41, PageUp: 410, PageDown: -410 }[e.key];
    if (step) { knob.set(knob.travel + step, true); e.preventDefault(); }
    if (e.key === "Home") { knob.set(0, true); e.preventDefault(); }
    if (e.key === "End") { knob.set(FULL, true); e.preventDefault(); }
  });
  knobs[index] = knob;
  return cell;
}

// A key must be held at least 3 scans (30 ms) for the box's debouncer: short clicks are stretched.
function wireKey(button, key) {
  let downAt = 0;
  const up = () => { if (!downAt) return; const wait = Math.max(0, 80 - (performance.now() - downAt)); downAt = 0; setTimeout(() => { send({ type: "key", key, down: false }); button.classList.remove("down"); }, wait); };
  button.addEventListener("pointerdown", (e) => { if (latches[key]) return; downAt = performance.now(); button.classList.add("down"); send({ type: "key", key, down: true }); e.preventDefault(); });
  button.addEventListener("pointerup", up);
  button.addEventListener("pointerleave", up);
  button.addEventListener("keydown", (e) => { if ((e.key === " " || e.key === "Enter") && !e.repeat && !latches[key]) { downAt = performance.now(); send({ type: "key", key, down: true }); e.preventDefault(); } });
  button.addEventListener("keyup", (e) => { if (e.key === " " || e.key === "Enter") up(); });
}

// A function key held down for you (one mouse cannot hold STORE and press MUTE 3 at once):
// the same key-down and key-up the box gets from a finger.
function wireLatch(button) {
  const key = Number(button.dataset.key);
  const keyButton = document.querySelector(`.key[data-key="${key}"]`);
  button.addEventListener("click", () => {
    latches[key] = !latches[key];
    button.classList.toggle("on", latches[key]);
    keyButton.classList.toggle("down", latches[key]);
    button.textContent = latches[key] ? "release" : "hold";
    send({ type: "key", key, down: latches[key] });
  });
}

function ladder(id, n, hot, top) {
  const box = document.getElementById(id);
  const segs = [];
  for (let i = 0; i < n; i++) segs.push(el("div", "seg" + (i >= hot ? " hot" : "") + (i >= top ? " top" : ""), box));
  return segs;
}

function build() {
  const strips = document.getElementById("strips");
  for (let c = 0; c < CH; c++) {
    const s = el("div", "strip", strips);
    s.dataset.channel = c + 1;
    el("div", "num", s, String(c + 1));
    const name = el("div", "name", s, "");
    name.id = `name${c}`;
    const leds = el("div", "leds", s);
    const sig = el("div", "", leds); const sl = el("span", "led green", sig); sl.id = `sig${c}`; sl.setAttribute("data-testid", `signal-${c + 1}`); el("div", "", sig, "SIG");
    const clip = el("div", "", leds); const cl = el("span", "led red", clip); cl.id = `clip${c}`; cl.setAttribute("data-testid", `clip-${c + 1}`); el("div", "", clip, "CLIP");
    makeKnob(s, c, "LEVEL", 3071);
    const mute = el("button", "key mute", s, "MUTE"); mute.id = `mute${c}`; mute.setAttribute("data-testid", `mute-${c + 1}`); wireKey(mute, KEY.mute + c);
    const solo = el("button", "key solo", s, "SOLO"); solo.id = `solo${c}`; solo.setAttribute("data-testid", `solo-${c + 1}`); wireKey(solo, KEY.solo + c);
  }
  makeKnob(document.getElementById("cellMaster"), KNOB_MASTER, "MASTER", 3071);
  makeKnob(document.getElementById("cellComp"), KNOB_COMP, "COMP AMOUNT", Math.round(FULL / 3));
  document.querySelectorAll(".fkeys .key").forEach((b) => wireKey(b, Number(b.dataset.key)));
  document.querySelectorAll(".fkeys .latch").forEach(wireLatch);
  BUS_DB.forEach((d) => el("span", "", document.getElementById("busScale"), d));
  GR_DB.forEach((d) => el("span", "", document.getElementById("grScale"), d));
  window.busL = ladder("busL", 12, 8, 11);
  window.busR = ladder("busR", 12, 8, 11);
  window.grSegs = ladder("gr", 8, 99, 99);
  const memories = document.getElementById("memories");
  for (let m = 1; m <= 16; m++) {
    const tile = el("div", "memory", memories);
    tile.setAttribute("data-testid", `memory-${m}`);
    tile.title = `recall memory ${m}`;
    el("span", "mem-num", tile, String(m));
    el("span", "mem-name", tile, "empty");
    tile.addEventListener("click", () => send({ type: "memory", action: "recall", memory: m }));
    const store = el("button", "mem-store", tile, "⤓");
    store.title = `store the mix into memory ${m}`;
    store.setAttribute("data-testid", `store-${m}`);
    store.addEventListener("click", (e) => { e.stopPropagation(); send({ type: "memory", action: "store", memory: m }); });
  }
  const safes = document.getElementById("safes");
  el("span", "note", safes, "recall safe:");
  for (let c = 1; c <= 8; c++) el("span", "chip", safes, String(c)).id = `safe${c}`;
  el("span", "chip", safes, "BUS").id = "safeBus";
  const faults = document.getElementById("faults");
  for (const [part, label] of PARTS) {
    const b = el("button", "fault", faults, "unplug " + label);
    b.dataset.part = part;
    b.setAttribute("data-testid", `fault-${part}`);
    b.addEventListener("click", () => send({ type: "fault", part, plugged: state ? !state.parts[part] : false }));
  }
  document.getElementById("play").addEventListener("click", toggleAudio);
}

const cdb = (v, unit) => v <= -10000 ? "–" : `${(v / 100).toFixed(1)} ${unit}`;

// What the channel keys do on the page open now, and which of them are lit by it.
function keyCaptions(s, c) {
  if (s.page === "store") {
    const n = (s.memories.bank - 1) * 8 + c + 1;
    return [`STORE ${n}`, `RECALL ${n}`];
  }
  if (s.page === "bus") return [c < 5 ? SUBPAGES[c] : "—", s.bus.switches[c].label || "—"];
  if (s.page === "input") return ["LINE/INST", "AUTO-GAIN"];
  return ["MUTE", "SOLO"];
}

function show(s) {
  state = s;
  const lit = (i) => s.leds[i] === "1";
  for (let i = 0; i < 12; i++) { busL[i].classList.toggle("on", lit(LED.busL + i)); busR[i].classList.toggle("on", lit(LED.busR + i)); }
  for (let i = 0; i < 8; i++) grSegs[i].classList.toggle("on", lit(LED.gr + i));
  for (let c = 0; c < CH; c++) {
    document.getElementById(`sig${c}`).classList.toggle("on", lit(LED.signal + c));
    document.getElementById(`clip${c}`).classList.toggle("on", lit(LED.clip + c));
    const [muteText, soloText] = keyCaptions(s, c);
    const mute = document.getElementById(`mute${c}`), solo = document.getElementById(`solo${c}`);
    mute.textContent = muteText;
    solo.textContent = soloText;
    const onMix = s.page === "";
    mute.classList.toggle("lit", onMix && s.mutes[c] === 1 || s.page === "bus" && s.bus.subPage === c + 1);
    solo.classList.toggle("lit", onMix && s.solos[c] === 1 || s.page === "bus" && s.bus.switches[c].on);
    mute.classList.toggle("paged", !onMix);
    solo.classList.toggle("paged", !onMix);
    document.getElementById(`name${c}`).textContent = s.names[c];
  }
  document.getElementById("ledComp").classList.toggle("on", lit(LED.comp));
  document.getElementById("ledMeter").classList.toggle("on", lit(LED.meter));
  document.getElementById("ledStore").classList.toggle("on", lit(LED.store));
  document.getElementById("ledFault").classList.toggle("on", lit(LED.fault));
  document.getElementById("meterMode").textContent = s.meterMode;

  const [pageName, pageHelp] = PAGES[s.page] || PAGES[""];
  const banner = document.getElementById("banner");
  banner.className = "banner " + (s.page || "mix");
  document.getElementById("pageName").textContent =
    s.page === "store" ? `${pageName} · memories ${s.memories.bank === 1 ? "1–8" : "9–16"}` :
    s.page === "bus" ? `${pageName} · ${s.bus.subPage} ${s.bus.name}` : pageName;
  document.getElementById("pageHelp").textContent = pageHelp;

  document.getElementById("lufsM").textContent = cdb(s.lufsM, "LUFS");
  document.getElementById("lufsS").textContent = cdb(s.lufsS, "LUFS");
  document.getElementById("lufsI").textContent = cdb(s.lufsI, "LUFS");
  document.getElementById("lra").textContent = s.lufsI <= -10000 ? "–" : `${(s.lra / 100).toFixed(1)} LU${s.lraStable ? "" : " (settling)"}`;
  document.getElementById("tp").textContent = cdb(s.truePeak, "dBTP");
  document.getElementById("grText").textContent = `${(s.gr / 100).toFixed(1)} dB`;
  document.getElementById("deessText").textContent = s.deessOn ? `${(s.deess / 100).toFixed(1)} dB` : "off";

  drawAnalysis(s);

  const mem = s.memories;
  document.querySelectorAll(".memory").forEach((tile, i) => {
    const occupied = mem.occupied[i] === "1";
    tile.classList.toggle("occupied", occupied);
    tile.classList.toggle("current", mem.current === i + 1);
    tile.classList.toggle("damaged", mem.damaged[i] === "1");
    tile.classList.toggle("shown", s.page === "store" && Math.floor(i / 8) + 1 === mem.bank);
    tile.querySelector(".mem-name").textContent = occupied ? (mem.names[i] || "(no name)") : mem.damaged[i] === "1" ? "damaged" : "empty";
  });
  for (let c = 1; c <= 8; c++) document.getElementById(`safe${c}`).classList.toggle("on", mem.safes[c - 1] === "1");
  document.getElementById("safeBus").classList.toggle("on", mem.busSafe);

  document.querySelectorAll(".fault").forEach((b) => {
    const plugged = s.parts[b.dataset.part];
    b.classList.toggle("unplugged", !plugged);
    b.textContent = (plugged ? "unplug " : "replug ") + PARTS.find((p) => p[0] === b.dataset.part)[1];
  });
  s.knobs.forEach((t, i) => {
    if (!knobs[i]) return;
    if (document.activeElement !== document.querySelector(`[data-testid=knob-${i + 1}]`)) knobs[i].set(t, false);
    knobs[i].show(s.knobLabels[i], s.knobValues[i], s.engaged[i] === "1", s.targets[i]);
  });
  document.getElementById("twin").textContent = `${(s.ticks / 100).toFixed(1)} s played, ${s.missed} missed deadlines, ${s.playing ? "playing" : "stopped"}`;
  window.updates = (window.updates || 0) + 1;
}

// ---- audio: each 10 ms block scheduled ~100 ms ahead (a jitter buffer against the network) ----
let audio = null, nextTime = 0, leads = [];
const JITTER = 0.1, MAX_EXTRA = 0.05;
function toggleAudio() {
  const button = document.getElementById("play");
  if (!audio) {
    audio = new AudioContext({ sampleRate: 48000, latencyHint: "interactive" });
    nextTime = 0;
    leads = [];
    send({ type: "play", on: true });
    button.textContent = "■ stop";
  } else {
    audio.close();
    audio = null;
    send({ type: "play", on: false });
    button.textContent = "▶ play";
    window.latency = null;
  }
}

// From a sample leaving the box's engine to the speaker: the twin's 10 ms block (sent whole),
// the lead each block is scheduled with (measured here), and what chromium reports for
// Web Audio: baseLatency (its processing quantum) and outputLatency (the output device).
function measureLatency(lead) {
  leads.push(lead);
  if (leads.length > 100) leads.shift();
  const leadMs = 1000 * leads.reduce((a, b) => a + b, 0) / leads.length;
  const baseMs = 1000 * (audio.baseLatency || 0), outputMs = 1000 * (audio.outputLatency || 0);
  const blockMs = state ? state.blockMs : 10;
  const totalMs = blockMs + leadMs + baseMs + outputMs;
  window.latency = { blockMs, leadMs, baseMs, outputMs, totalMs, blocks: leads.length, dropped: window.droppedBlocks || 0 };
  document.getElementById("latency").textContent =
    `you hear the box ${totalMs.toFixed(0)} ms late: ${blockMs} ms block + ${leadMs.toFixed(0)} ms jitter buffer + ` +
    `${baseMs.toFixed(1)} ms Web Audio + ${outputMs.toFixed(1)} ms output (as the browser reports)`;
}

function playBlock(data) {
  if (!audio) return;
  const pcm = new Int16Array(data), frames = pcm.length / 2;
  const buf = audio.createBuffer(2, frames, 48000);
  const l = buf.getChannelData(0), r = buf.getChannelData(1);
  for (let i = 0; i < frames; i++) { l[i] = pcm[2 * i] / 32768; r[i] = pcm[2 * i + 1] / 32768; }
  const src = audio.createBufferSource();
  src.buffer = buf;
  src.connect(audio.destination);
  // Too little left: start the buffer over. Too much (the twin ran ahead after a late tick):
  // drop this block, so the delay stays bounded instead of growing with every catch-up.
  if (nextTime < audio.currentTime + 0.02) nextTime = audio.currentTime + JITTER;
  if (nextTime > audio.currentTime + JITTER + MAX_EXTRA) { window.droppedBlocks = (window.droppedBlocks || 0) + 1; return; }
  src.start(nextTime);
  measureLatency(nextTime - audio.currentTime);
  nextTime += frames / 48000;
}

function connect() {
  socket = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`);
  socket.binaryType = "arraybuffer";
  socket.onmessage = (e) => { if (typeof e.data === "string") show(JSON.parse(e.data)); else playBlock(e.data); };
  socket.onclose = () => { document.getElementById("twin").textContent = "disconnected: retrying…"; setTimeout(connect, 1000); };
}

build();
connect();

// The engine's octave bands (31.25 Hz .. 16 kHz, base-two centres) as bars over 60 dB, and its correlation.
const BAND_NAMES = ["31", "63", "125", "250", "500", "1k", "2k", "4k", "8k", "16k"];
function drawAnalysis(s) {
  const bands = document.getElementById("bands");
  if (bands.children.length === 0) {
    for (const name of BAND_NAMES) {
      const band = document.createElement("div");
      band.className = "band";
      band.innerHTML = `<div class="band-bar"><div class="band-fill"></div></div><span>${name}</span>`;
      bands.appendChild(band);
    }
  }
  [...bands.children].forEach((band, i) => {
    const db = s.bands[i] / 100;
    const height = Math.max(0, Math.min(100, (db + 60) / 60 * 100));
    band.querySelector(".band-fill").style.height = `${height}%`;
    band.title = s.bands[i] <= -20000 ? `${BAND_NAMES[i]} Hz: silent` : `${BAND_NAMES[i]} Hz: ${db.toFixed(1)} dB`;
  });
  const corr = (v) => s.analysisOn ? (v / 10000).toFixed(2) : "–";
  document.getElementById("corr").textContent = corr(s.correlation);
  document.getElementById("corrLow").textContent = corr(s.lowCorrelation);
  // Distortion relative to the signal; silence (-200 dB) when the stage is off or adds nothing.
  const added = (v) => v <= -20000 ? "none" : `${(v / 100).toFixed(1)} dB`;
  document.getElementById("driveDist").textContent = added(s.driveDistortion);
  document.getElementById("safetyDist").textContent = added(s.safetyDistortion);
  document.getElementById("width").textContent = !s.analysisOn ? "–" : s.width <= -20000 ? "mono" : `${(s.width / 100).toFixed(1)} dB`;
}
