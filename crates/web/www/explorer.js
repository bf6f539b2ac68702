// The explorer page: reads the controls, asks the library (through
// loader.js) and draws the answers as tables and SVG plots.
"use strict";

import { loadTwolevel } from "./loader.js";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const COLOURS = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725", "#e6550d",
  "#9e9ac8", "#636363", "#e377c2", "#8c564b", "#17becf", "#bcbd22", "#d62728",
  "#1f77b4", "#ff7f0e"];
const CURRENCY_WORDS = {
  policy: "policy payoff (absolute gains)",
  political: "political payoff (judged at home)",
  utility: "utility (blended with w_eff)",
};

let lib = null;
let yourMoves = "";

function fmt(x, digits = 4) {
  return x === null || x === undefined ? "n/a" : Number(x).toFixed(digits);
}

function sliders() {
  const horizon = $("horizon-turns").checked
    ? { kind: "turns", turns: Number($("turns").value) }
    : { kind: "continuation", delta: Number($("delta").value) };
  return {
    w: Number($("w").value),
    pi: Number($("pi").value),
    alpha: Number($("alpha").value),
    gamma: Number($("gamma").value),
    theta: Number($("theta").value),
    horizon,
  };
}

function el(tag, attributes = {}, text = null) {
  const node = tag === "svg" || ["line", "circle", "path", "rect", "text", "polyline", "g"].includes(tag)
    ? document.createElementNS(SVG, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== null) node.textContent = text;
  return node;
}

function showError(target, error) {
  target.textContent = error.message;
  target.classList.add("error");
}

// --- 1. the game -----------------------------------------------------

function matrixTable(matrix) {
  const table = el("table", { class: "matrix", "data-currency": matrix.currency });
  const caption = el("caption", {}, CURRENCY_WORDS[matrix.currency] || matrix.currency);
  table.append(caption);
  const head = el("tr");
  head.append(el("th", {}, "own \\ partner"), el("th", {}, "C"), el("th", {}, "D"));
  table.append(head);
  ["C", "D"].forEach((own, i) => {
    const row = el("tr");
    row.append(el("th", {}, own));
    [0, 1].forEach((j) => {
      const [mine, theirs] = matrix.cells[i][j];
      row.append(el("td", { "data-own": mine, "data-partner": theirs }, `${fmt(mine, 3)}, ${fmt(theirs, 3)}`));
    });
    table.append(row);
  });
  return table;
}

function drawCurve(view) {
  const svg = $("curve");
  svg.replaceChildren();
  const [left, right, top, bottom] = [50, 460, 15, 260];
  const x = (pi) => left + pi * (right - left);
  const y = (t) => bottom - t * (bottom - top);
  // Axes with ticks every 0.2.
  svg.append(el("line", { x1: left, y1: bottom, x2: right, y2: bottom, class: "axis" }));
  svg.append(el("line", { x1: left, y1: top, x2: left, y2: bottom, class: "axis" }));
  for (let k = 0; k <= 5; k++) {
    const v = k / 5;
    svg.append(el("text", { x: x(v), y: bottom + 16, "text-anchor": "middle", class: "tick" }, v.toFixed(1)));
    svg.append(el("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end", class: "tick" }, v.toFixed(1)));
    svg.append(el("line", { x1: left, y1: y(v), x2: right, y2: y(v), class: "grid" }));
  }
  svg.append(el("text", { x: (left + right) / 2, y: 292, "text-anchor": "middle", class: "label" }, "politicization π"));
  svg.append(el("text", { x: 14, y: (top + bottom) / 2, "text-anchor": "middle", class: "label",
    transform: `rotate(-90 14 ${(top + bottom) / 2})` }, "grim threshold δ*"));
  // The curve, broken where it is undefined.
  let d = "";
  let pen = false;
  for (const [pi, t] of view.curve) {
    if (t === null) { pen = false; continue; }
    d += `${pen ? "L" : "M"}${x(pi).toFixed(1)},${y(t).toFixed(1)}`;
    pen = true;
  }
  svg.append(el("path", { d, class: "curve" }));
  svg.append(el("line", { x1: left, y1: y(view.delta), x2: right, y2: y(view.delta), class: "delta" }));
  if (view.threshold !== null) {
    svg.append(el("circle", { cx: x(view.sliders.pi), cy: y(view.threshold), r: 5, class: "point", id: "curve-point" }));
  }
  if (view.minimum) {
    const [pm, tm] = view.minimum;
    svg.append(el("text", { x: x(pm), y: y(tm) + 18, "text-anchor": "middle", class: "tick" },
      `min ${tm.toFixed(3)} at π = ${pm.toFixed(2)}`));
  }
}

function updateGame() {
  for (const id of ["w", "pi", "alpha", "gamma", "theta", "delta"]) {
    $(`${id}-value`).textContent = Number($(id).value).toFixed(2);
  }
  let view;
  try {
    view = lib.call("explore", sliders());
  } catch (error) {
    showError($("advice"), error);
    return;
  }
  $("advice").classList.remove("error");
  $("w-eff").textContent = fmt(view.w_eff);
  $("matrices").replaceChildren(...view.matrices.map(matrixTable));
  const threshold = $("threshold");
  threshold.textContent = view.threshold_text;
  threshold.dataset.value = view.threshold === null ? "" : String(view.threshold);
  $("delta-now").textContent = fmt(view.delta);
  $("sustained").textContent = view.sustained
    ? "grim trigger sustains cooperation" : "grim trigger does not sustain cooperation";
  drawCurve(view);
  $("advice").textContent = view.advice;
  const body = $("levers").tBodies[0];
  body.replaceChildren(...view.levers.map((lever) => {
    const row = el("tr", { "data-lever": lever.lever });
    const move = lever.to === lever.from ? "none helps" : `${lever.from < lever.to ? "raise" : "lower"} to ${fmt(lever.to, 2)}`;
    row.append(el("td", {}, lever.label), el("td", {}, fmt(lever.from, 2)), el("td", {}, move),
      el("td", {}, fmt(lever.threshold)), el("td", {}, fmt(lever.change)));
    return row;
  }));
}

// --- 2. a match --------------------------------------------------------

function updateMatch() {
  const words = $("match-words");
  let state;
  try {
    state = lib.call("play", {
      sliders: sliders(),
      opponent: $("opponent").value,
      moves: yourMoves,
      seed: Number($("match-seed").value),
    });
  } catch (error) {
    showError(words, error);
    return;
  }
  words.classList.remove("error");
  $("your-moves").textContent = state.moves;
  $("their-moves").textContent = state.opponent_moves;
  words.textContent = state.words;
  for (const [side, totals] of [["you", state.you], ["them", state.them]]) {
    for (const currency of ["policy", "political", "utility"]) {
      words.dataset[`${side}${currency[0].toUpperCase()}${currency.slice(1)}`] = String(totals[currency]);
    }
  }
  words.dataset.turns = String(state.turns);
  for (const id of ["play-C", "play-D"]) $(id).disabled = state.finished;
}

function move(action) {
  yourMoves += action;
  updateMatch();
}

function newMatch() {
  yourMoves = "";
  updateMatch();
}

// --- 3. the round robin --------------------------------------------------

function roundRobinRequest() {
  const players = $("players").value.split("\n").map((s) => s.trim()).filter((s) => s.length > 0);
  return {
    sliders: sliders(),
    players,
    repetitions: Number($("repetitions").value),
    seed: Number($("rr-seed").value),
  };
}

function drawBars(svg, ranking) {
  svg.replaceChildren();
  const [left, right, top, bottom] = [220, 580, 10, 330];
  const values = ranking.map((r) => r.policy);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const x = (v) => left + ((v - low) / span) * (right - left);
  const band = (bottom - top) / ranking.length;
  ranking.forEach((row, i) => {
    const y = top + i * band;
    svg.append(el("rect", { x: Math.min(x(0), x(row.policy)), y: y + band * 0.15, width: Math.abs(x(row.policy) - x(0)),
      height: band * 0.7, fill: COLOURS[i % COLOURS.length], class: "bar" }));
    svg.append(el("text", { x: left - 6, y: y + band * 0.65, "text-anchor": "end", class: "tick" }, row.name));
    svg.append(el("text", { x: x(row.policy) + 4, y: y + band * 0.65, class: "tick" }, row.policy.toFixed(3)));
  });
  svg.append(el("line", { x1: x(0), y1: top, x2: x(0), y2: bottom, class: "axis" }));
  svg.append(el("text", { x: (left + right) / 2, y: 352, "text-anchor": "middle", class: "label" },
    "mean policy payoff per turn"));
}

function runRoundRobin() {
  const status = $("rr-status");
  const started = performance.now();
  let view;
  try {
    view = lib.call("round_robin", roundRobinRequest());
  } catch (error) {
    showError(status, error);
    return;
  }
  const elapsed = performance.now() - started;
  status.classList.remove("error");
  status.textContent = `${view.names.length} players, ${view.matches} matches, ` +
    `${fmt(view.mean_match_length, 1)} rounds per match on average: ${elapsed.toFixed(0)} ms in this browser.`;
  status.dataset.milliseconds = elapsed.toFixed(1);
  status.dataset.players = String(view.names.length);
  drawBars($("rr-plot"), view.ranking);
  $("ranking").tBodies[0].replaceChildren(...view.ranking.map((r) => {
    const row = el("tr");
    row.append(el("td", {}, String(r.rank)), el("td", {}, r.name), el("td", {}, fmt(r.policy, 3)),
      el("td", {}, fmt(r.political, 3)), el("td", {}, fmt(r.utility, 3)), el("td", {}, fmt(r.cooperation, 3)));
    return row;
  }));
}

// --- 4. evolution -------------------------------------------------------

function drawShares(svg, view) {
  svg.replaceChildren();
  const [left, right, top, bottom] = [50, 440, 10, 320];
  const tMax = view.times[view.times.length - 1] || 1;
  const x = (t) => left + (t / tMax) * (right - left);
  const y = (s) => bottom - s * (bottom - top);
  svg.append(el("line", { x1: left, y1: bottom, x2: right, y2: bottom, class: "axis" }));
  svg.append(el("line", { x1: left, y1: top, x2: left, y2: bottom, class: "axis" }));
  for (let k = 0; k <= 4; k++) {
    svg.append(el("text", { x: left - 6, y: y(k / 4) + 4, "text-anchor": "end", class: "tick" }, (k / 4).toFixed(2)));
    const t = (tMax * k) / 4;
    const integer = view.process === "moran";
    svg.append(el("text", { x: x(t), y: bottom + 16, "text-anchor": "middle", class: "tick" },
      integer ? String(Math.round(t)) : t.toFixed(1)));
  }
  svg.append(el("text", { x: (left + right) / 2, y: 352, "text-anchor": "middle", class: "label" },
    view.process === "moran" ? "generation" : "time"));
  // At most about 600 points a line.
  const every = Math.max(1, Math.floor(view.times.length / 600));
  view.names.forEach((name, i) => {
    const points = [];
    for (let k = 0; k < view.times.length; k += every) {
      points.push(`${x(view.times[k]).toFixed(1)},${y(view.shares[k][i]).toFixed(1)}`);
    }
    svg.append(el("polyline", { points: points.join(" "), class: "share", stroke: COLOURS[i % COLOURS.length] }));
    // The legend sits right of the plot, outside the data.
    svg.append(el("rect", { x: 455, y: 12 + i * 20, width: 12, height: 12, fill: COLOURS[i % COLOURS.length] }));
    svg.append(el("text", { x: 472, y: 22 + i * 20, class: "tick" }, name));
  });
}

function runEvolution() {
  const status = $("evolution-status");
  const started = performance.now();
  let view;
  try {
    view = lib.call("evolution", {
      round_robin: roundRobinRequest(),
      process: $("process").value,
      population: Number($("population").value),
      generations: Number($("generations").value),
    });
  } catch (error) {
    showError(status, error);
    return;
  }
  const elapsed = performance.now() - started;
  status.classList.remove("error");
  const outcome = view.winner ? `${view.winner} took over` : "no type took over";
  status.textContent = `${view.process}: selection on the ${view.fitness} payoff per turn; ${outcome} ` +
    `(${elapsed.toFixed(0)} ms).`;
  status.dataset.points = String(view.times.length);
  drawShares($("evolution-plot"), view);
}

// --- start ------------------------------------------------------------------

async function main() {
  try {
    lib = await loadTwolevel("twolevel_web.wasm");
  } catch (error) {
    showError($("status"), error);
    return;
  }
  const select = $("opponent");
  for (const name of lib.call("strategies")) select.append(el("option", { value: name }, name));
  select.value = "Tit For Tat";
  for (const id of ["w", "pi", "alpha", "gamma", "theta", "delta", "turns", "horizon-continuation", "horizon-turns"]) {
    $(id).addEventListener("input", () => { updateGame(); newMatch(); });
  }
  $("opponent").addEventListener("change", newMatch);
  $("match-seed").addEventListener("change", newMatch);
  $("new-match").addEventListener("click", newMatch);
  $("play-C").addEventListener("click", () => move("C"));
  $("play-D").addEventListener("click", () => move("D"));
  $("axelrod-first").addEventListener("click", () => {
    $("players").value = lib.call("axelrod_first").join("\n");
  });
  $("run-rr").addEventListener("click", runRoundRobin);
  $("run-evolution").addEventListener("click", runEvolution);
  updateGame();
  newMatch();
  $("status").textContent = "Ready.";
  document.body.dataset.ready = "true";
}

main();
