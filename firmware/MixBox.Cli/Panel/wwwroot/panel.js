// The MixBox front panel in the browser: draws the panel, sends gestures, shows the state
// the twin sends over /ws (JSON ~33/s) and plays its mix (binary 16-bit stereo 48 kHz).
"use strict";
const FULL = 4095, CH = 8, KNOB_MASTER = 8, KNOB_COMP = 9;
const LED = { busL: 0, busR: 16, signal: 32, clip: 40, gr: 48, comp: 56, meter: 57, store: 58, fault: 59 };
const KEY = { mute: 0, solo: 13 };
const BUS_DB = ["-48", "-36", "-30", "-24", "-18", "-12", "-9", "-6", "-4", "-2", "-1", "0"];
const PARTS = [["adcA", "ADC A (in 1–4)"], ["adcB", "ADC B (in 5–8)"], ["dac", "DAC"], ["knobsA", "knob ADC A"], ["knobsB", "knob ADC B"], ["panel", "panel driver"]];

// The level taper (docs/FIRMWARE.md): travel → dB, for the knob's label only (the box decides).
const TAPER_T = [82, 1024, 2048, 3071, 4095], TAPER_G = [-60, -30, -10, 0, 12];
function taperDb(t) {
  if (t < TAPER_T[0]) return -Infinity;
  let i = 0; while (i < 3 && t > TAPER_T[i + 1]) i++;
  return TAPER_G[i] + (TAPER_G[i + 1] - TAPER_G[i]) * (t - TAPER_T[i]) / (TAPER_T[i + 1] - TAPER_T[i]);
}
const dbText = (db) => db === -Infinity ? "off" : (db > 0 ? "+" : "") + db.toFixed(1) + " dB";

let socket, state = null;
const knobs = [];

function el(tag, cls, parent, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  if (parent) parent.appendChild(e);
  return e;
}

function send(msg) { if (socket && socket.readyState === 1) socket.send(JSON.stringify(msg)); }

function makeKnob(parent, index, label, format, initial) {
  const cell = el("div", "knob-cell", parent);
  const wrap = el("div", "knob-wrap", cell);
  el("div", "knob-ring", wrap);
  const k = el("div", "knob", wrap);
  k.tabIndex = 0;
  k.setAttribute("role", "slider");
  k.setAttribute("aria-label", label);
  k.setAttribute("aria-valuemin", "0");
  k.setAttribute("aria-valuemax", String(FULL));
  k.dataset.testid = `knob-${index + 1}`;
  k.setAttribute("data-testid", `knob-${index + 1}`);
  el("div", "cap", k);
  const pointer = el("div", "pointer", k);
  const value = el("div", "value", cell);
  el("label", "", cell, label);
  const knob = { travel: initial, set(t, fromUser) {
      t = Math.max(0, Math.min(FULL, Math.round(t)));
      this.travel = t;
      pointer.style.transform = `rotate(${-135 + 270 * t / FULL}deg)`;
      k.setAttribute("aria-valuenow", String(t));
      value.textContent = format(t);
      if (fromUser) send({ type: "knob", knob: index, travel: t });
    } };
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
  button.addEventListener("pointerdown", (e) => { downAt = performance.now(); button.classList.add("down"); send({ type: "key", key, down: true }); e.preventDefault(); });
  button.addEventListener("pointerup", up);
  button.addEventListener("pointerleave", up);
  button.addEventListener("keydown", (e) => { if ((e.key === " " || e.key === "Enter") && !e.repeat) { downAt = performance.now(); send({ type: "key", key, down: true }); e.preventDefault(); } });
  button.addEventListener("keyup", (e) => { if (e.key === " " || e.key === "Enter") up(); });
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
    const clip = el("div", "", leds); const cl = el("span", "led red", clip); cl.id = `clip${c}`; el("div", "", clip, "CLIP");
    makeKnob(s, c, "LEVEL", (t) => dbText(taperDb(t)), 3071);
    const mute = el("button", "key mute", s, "MUTE"); mute.id = `mute${c}`; mute.setAttribute("data-testid", `mute-${c + 1}`); wireKey(mute, KEY.mute + c);
    const solo = el("button", "key solo", s, "SOLO"); solo.id = `solo${c}`; wireKey(solo, KEY.solo + c);
  }
  makeKnob(document.getElementById("cellMaster"), KNOB_MASTER, "MASTER", (t) => dbText(taperDb(t)), 3071);
  makeKnob(document.getElementById("cellComp"), KNOB_COMP, "COMP AMOUNT", (t) => (-30 * t / FULL).toFixed(1) + " dB", Math.round(FULL / 3));
  document.querySelectorAll(".fkeys .key").forEach((b) => wireKey(b, Number(b.dataset.key)));
  const scale = document.getElementById("busScale");
  BUS_DB.forEach((d) => el("span", "", scale, d));
  window.busL = ladder("busL", 12, 8, 11);
  window.busR = ladder("busR", 12, 8, 11);
  window.grSegs = ladder("gr", 8, 99, 99);
  const faults = document.getElementById("faults");
  for (const [part, label] of PARTS) {
    const b = el("button", "fault", faults, "unplug " + label);
    b.dataset.part = part;
    b.setAttribute("data-testid", `fault-${part}`);
    b.addEventListener("click", () => send({ type: "fault", part, plugged: state ? !state.parts[part] : false }));
  }
  document.getElementById("play").addEventListener("click", toggleAudio);
}

function show(s) {
  state = s;
  const lit = (i) => s.leds[i] === "1";
  for (let i = 0; i < 12; i++) { busL[i].classList.toggle("on", lit(LED.busL + i)); busR[i].classList.toggle("on", lit(LED.busR + i)); }
  for (let i = 0; i < 8; i++) grSegs[i].classList.toggle("on", lit(LED.gr + i));
  for (let c = 0; c < CH; c++) {
    document.getElementById(`sig${c}`).classList.toggle("on", lit(LED.signal + c));
    document.getElementById(`clip${c}`).classList.toggle("on", lit(LED.clip + c));
    document.getElementById(`mute${c}`).classList.toggle("lit", s.mutes[c] === 1);
    document.getElementById(`solo${c}`).classList.toggle("lit", s.solos[c] === 1);
    document.getElementById(`name${c}`).textContent = s.names[c];
  }
  document.getElementById("ledComp").classList.toggle("on", lit(LED.comp));
  document.getElementById("ledMeter").classList.toggle("on", lit(LED.meter));
  document.getElementById("ledStore").classList.toggle("on", lit(LED.store));
  document.getElementById("ledFault").classList.toggle("on", lit(LED.fault));
  const lufs = (v) => v <= -10000 ? "–" : (v / 100).toFixed(1);
  document.getElementById("lufsM").textContent = lufs(s.lufsM) + " LUFS";
  document.getElementById("lufsS").textContent = lufs(s.lufsS) + " LUFS";
  document.getElementById("lufsI").textContent = lufs(s.lufsI) + " LUFS";
  document.getElementById("tp").textContent = lufs(s.truePeak) + " dBTP";
  document.querySelectorAll(".fault").forEach((b) => {
    const plugged = s.parts[b.dataset.part];
    b.classList.toggle("unplugged", !plugged);
    b.textContent = (plugged ? "unplug " : "replug ") + PARTS.find((p) => p[0] === b.dataset.part)[1];
  });
  if (s.knobs) s.knobs.forEach((t, i) => { if (knobs[i] && document.activeElement !== document.querySelector(`[data-testid=knob-${i + 1}]`)) knobs[i].set(t, false); });
  document.getElementById("twin").textContent = `${(s.ticks / 100).toFixed(1)} s played, ${s.missed} missed deadlines, ${s.playing ? "playing" : "stopped"}`;
  window.updates = (window.updates || 0) + 1;
}

// ---- audio: each 10 ms block scheduled ~100 ms ahead (a jitter buffer against the network) ----
let audio = null, nextTime = 0;
const JITTER = 0.1;
function toggleAudio() {
  const button = document.getElementById("play");
  if (!audio) {
    audio = new AudioContext({ sampleRate: 48000 });
    nextTime = 0;
    send({ type: "play", on: true });
    button.textContent = "■ stop";
  } else {
    audio.close();
    audio = null;
    send({ type: "play", on: false });
    button.textContent = "▶ play";
  }
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
  if (nextTime < audio.currentTime + 0.02 || nextTime > audio.currentTime + 3 * JITTER) nextTime = audio.currentTime + JITTER;
  src.start(nextTime);
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
