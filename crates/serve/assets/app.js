// trecho dashboard: plain JavaScript, no framework, no network access beyond this server.
// Every element is built with DOM calls (never innerHTML with data), so text from documents
// cannot inject markup. Filters live in the URL fragment, so a view can be bookmarked and
// `#ledger=<id>`, `#event=<id>` or `#doc=<id>` open the evidence drawer directly.
"use strict";

const TOKEN = new URLSearchParams(location.search).get("token");
const SVG_NS = "http://www.w3.org/2000/svg";
const PAGE = 50;
const ISSUES = ["security", "drugs", "trade", "migration", "water", "energy", "justice",
  "diplomacy", "human_rights", "other"];
const FILTERS = ["actor", "recipient", "issue", "from", "to", "lang", "text"];

const state = { eventsOffset: 0, facets: null, loadSeq: 0 };

// ---------- small helpers ----------

function $(id) { return document.getElementById(id); }

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key === "text") el.textContent = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

function label(text) { return String(text || "").replace(/_/g, " "); }

function actorName(actor) {
  if (!actor) return "—";
  const name = actor.name || actor.text;
  if (actor.country && name && name.toUpperCase() !== actor.country) return `${name} (${actor.country})`;
  return name || actor.country || "—";
}

function eventDate(event) { return event.date || event.published || "—"; }

function badge(status) { return h("span", { class: `badge ${status}`, text: label(status) }); }

function tags(list) { return (list || []).map((item) => h("span", { class: "tag", text: label(item) })); }

// Byte offsets from the API index UTF-8 text; JavaScript strings are UTF-16.
const encoder = new TextEncoder();
const decoder = new TextDecoder();
function byteSlice(bytes, start, end) { return decoder.decode(bytes.subarray(start, end)); }

// ---------- API ----------

function currentFilters() {
  const values = {};
  for (const name of FILTERS) {
    const value = $(`f-${name}`).value.trim();
    if (value) values[name] = value;
  }
  return values;
}

function apiUrl(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  if (TOKEN) query.set("token", TOKEN);
  const text = query.toString();
  return `api/${path}${text ? `?${text}` : ""}`;
}

async function api(path, params) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error : `HTTP ${response.status}`;
    const parameter = body && body.parameter ? ` (parameter “${body.parameter}”)` : "";
    throw new Error(`${message}${parameter}`);
  }
  return body;
}

function showError(error) {
  const box = $("error");
  if (!error) { box.hidden = true; return; }
  box.textContent = `Could not load data: ${error.message || error}`;
  box.hidden = false;
}

// ---------- filters and URL fragment ----------

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const name of FILTERS) $(`f-${name}`).value = params.get(name) || "";
  $("f-status").value = params.get("status") || "";
  $("f-kind").value = params.get("kind") || "";
  return params;
}

function writeHash(extra) {
  const params = new URLSearchParams(currentFilters());
  if ($("f-status").value) params.set("status", $("f-status").value);
  if ($("f-kind").value) params.set("kind", $("f-kind").value);
  for (const [key, value] of Object.entries(extra || {})) params.set(key, value);
  const text = params.toString();
  history.replaceState(null, "", text ? `#${text}` : location.pathname + location.search);
}

function fillSelect(select, options, keep) {
  const current = keep || select.value;
  const first = select.options[0];
  clear(select).append(first);
  for (const option of options) {
    select.append(h("option", { value: option.value, text: option.label }));
  }
  if ([...select.options].some((option) => option.value === current)) select.value = current;
}

// ---------- header and selectors ----------

async function loadFacets(params) {
  const facets = await api("facets");
  state.facets = facets;
  const stats = clear($("stats"));
  for (const [name, value] of [["documents", facets.documents], ["events", facets.events],
    ["said", facets.said], ["done", facets.done]]) {
    stats.append(h("div", {}, h("dt", { text: name }), h("dd", { text: Number(value).toLocaleString("en") })));
  }
  const sides = (list) => list.map((side) => ({ value: side.value, label: `${side.label} (${side.count})` }));
  fillSelect($("f-actor"), sides(facets.actors), params.get("actor"));
  fillSelect($("f-recipient"), sides(facets.recipients), params.get("recipient"));
  const issues = ISSUES.map((issue) => ({
    value: issue, label: `${label(issue)}${facets.issues[issue] ? ` (${facets.issues[issue]})` : ""}`,
  }));
  fillSelect($("f-issue"), issues, params.get("issue"));
  if (facets.first_day) $("f-from").placeholder = facets.first_day;
  if (facets.last_day) $("f-to").placeholder = facets.last_day;
}

// ---------- timeline ----------

async function loadTimeline(filters) {
  const box = $("timeline");
  const data = await api("timeline", { ...filters, kind: $("f-kind").value, interval: "week" });
  $("dl-index").href = apiUrl("index", { ...filters, interval: "week", format: "csv" });
  clear(box);
  if (!data.buckets.length) {
    box.append(h("p", { class: "empty", text: "No dated events match these filters." }));
    return;
  }
  box.append(drawTimeline(data.buckets));
  const notes = [h("span", { class: "l-said", text: "said (statements)" }),
    h("span", { class: "l-done", text: "done (material acts)" }),
    h("span", { class: "l-gap", text: "gap: done score − said score" }),
    h("span", { text: `${data.counted} events in ${data.buckets.length} weeks` })];
  if (data.undated) notes.push(h("span", { text: `${data.undated} undated events not drawn` }));
  if (data.truncated) notes.push(h("span", { text: "(partial: too many events, narrow the filters)" }));
  box.append(h("div", { class: "legend" }, notes));
}

function drawTimeline(buckets) {
  const width = 1320, height = 300;
  const left = 62, right = 44, top = 24, bottom = 34;
  const plotW = width - left - right, plotH = height - top - bottom;
  const mid = top + plotH / 2;
  const maxCount = Math.max(1, ...buckets.map((b) => Math.max(b.said, b.done)));
  const laneScale = (plotH / 2 - 6) / maxCount;
  const band = plotW / buckets.length;
  const barW = Math.max(1.5, Math.min(28, band * 0.72));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "Said and done events per week", id: "timeline-svg" });

  // Grid and axes: counts on the left (shared scale for both lanes), gap on the right.
  const axis = s("g", { class: "axis" });
  for (const fraction of [1, 0.5]) {
    const count = Math.round(maxCount * fraction);
    for (const sign of [-1, 1]) {
      const y = mid + sign * count * laneScale;
      svg.append(s("line", { class: "grid", x1: left, x2: width - right, y1: y, y2: y }));
      axis.append(s("text", { x: left - 6, y: y + 4, "text-anchor": "end", text: count }));
    }
  }
  for (const [value, y] of [[10, top], [0, mid], [-10, top + plotH]]) {
    axis.append(s("text", { x: width - right + 6, y: y + 4, text: value > 0 ? `+${value}` : value }));
  }
  svg.append(s("line", { class: "zero", x1: left, x2: width - right, y1: mid, y2: mid }));
  // Lane names sit in the left margin, turned, so they never cover bars or month labels.
  const saidY = top + plotH / 4, doneY = top + (3 * plotH) / 4;
  svg.append(s("text", { class: "lane-label said", x: 14, y: saidY, "text-anchor": "middle",
    transform: `rotate(-90 14 ${saidY})`, text: "said ▲" }));
  svg.append(s("text", { class: "lane-label done", x: 14, y: doneY, "text-anchor": "middle",
    transform: `rotate(-90 14 ${doneY})`, text: "▼ done" }));
  svg.append(s("text", { class: "lane-label", x: width - 4, y: top - 10, "text-anchor": "end", text: "gap" }));

  // Month labels under the first week of each month.
  let lastMonth = "", lastLabelX = -Infinity;
  buckets.forEach((bucket, idx) => {
    const month = bucket.start.slice(0, 7);
    const x = left + idx * band;
    // A label closer than 56px to the previous one would overlap it: skip it.
    if (month !== lastMonth && x - lastLabelX >= 56) {
      lastMonth = month;
      lastLabelX = x;
      const date = new Date(`${bucket.start}T00:00:00Z`);
      const text = date.toLocaleDateString("en", { month: "short", year: "numeric", timeZone: "UTC" });
      axis.append(s("line", { class: "grid", x1: x, x2: x, y1: top, y2: top + plotH }));
      axis.append(s("text", { x: x + 2, y: height - 4, text }));
    }
  });
  svg.append(axis);

  // Bars: one column per week, said up, done down.
  const bars = s("g", {});
  buckets.forEach((bucket, idx) => {
    const x = left + idx * band + (band - barW) / 2;
    const describe = (types) => Object.entries(types).map(([type, n]) => `${type} ${n}`).join(", ");
    if (bucket.said) {
      const barH = bucket.said * laneScale;
      bars.append(s("rect", { class: "said", x, y: mid - barH, width: barW, height: barH, "data-week": bucket.start,
        onclick: () => focusWeek(bucket.start) },
      s("title", { text: `Week of ${bucket.start}: ${bucket.said} said (${describe(bucket.said_types)})` })));
    }
    if (bucket.done) {
      const barH = bucket.done * laneScale;
      bars.append(s("rect", { class: "done", x, y: mid, width: barW, height: barH, "data-week": bucket.start,
        onclick: () => focusWeek(bucket.start) },
      s("title", { text: `Week of ${bucket.start}: ${bucket.done} done (${describe(bucket.done_types)})` })));
    }
  });
  svg.append(bars);

  // The gap line, drawn through the weeks that have both words and deeds.
  // Weeks without both words and deeds have no gap: the line breaks there instead of
  // drawing a slope across months without data.
  const gapY = (value) => mid - (Math.max(-10, Math.min(10, value)) / 10) * (plotH / 2 - 4);
  const points = [];
  let run = [];
  buckets.forEach((bucket, idx) => {
    if (bucket.gap !== null && bucket.gap !== undefined) {
      const point = [left + idx * band + band / 2, gapY(bucket.gap), bucket];
      points.push(point);
      run.push(point);
    } else {
      if (run.length > 1) svg.append(s("polyline", { class: "gap-line", points: run.map(([x, y]) => `${x},${y}`).join(" ") }));
      run = [];
    }
  });
  if (run.length > 1) svg.append(s("polyline", { class: "gap-line", points: run.map(([x, y]) => `${x},${y}`).join(" ") }));
  for (const [x, y, bucket] of points) {
    svg.append(s("circle", { class: "gap-dot", cx: x, cy: y, r: 3 },
      s("title", { text: `Week of ${bucket.start}: said ${bucket.said_score}, done ${bucket.done_score}, gap ${bucket.gap}` })));
  }
  return svg;
}

function focusWeek(start) {
  const first = new Date(`${start}T00:00:00Z`);
  const last = new Date(first.getTime() + 6 * 86400000);
  $("f-from").value = start;
  $("f-to").value = last.toISOString().slice(0, 10);
  refresh();
}

// ---------- ledger ----------

async function loadLedger(filters) {
  const params = { ...filters, status: $("f-status").value };
  delete params.lang;
  const data = await api("ledger", params);
  $("dl-ledger").href = apiUrl("ledger", { ...params, format: "csv" });
  const body = clear($("ledger-table").tBodies[0]);
  if (!data.items.length) {
    body.append(h("tr", {}, h("td", { colspan: 7, class: "empty", text: "No threats, promises or demands match these filters." })));
    return;
  }
  // Most repeated first, then most recently said: what an analyst reads first.
  const items = [...data.items].sort((a, b) => (b.times_said - a.times_said)
    || String(b.last_said || "").localeCompare(String(a.last_said || "")));
  for (const item of items) {
    const who = `${actorName(item.actor)} → ${actorName(item.recipient)}`;
    const said = item.reported_count && item.reported_count > item.mentions
      ? h("span", {}, String(item.times_said), h("span", { class: "sub", text: `${item.mentions} found, source says ${item.reported_count}` }))
      : String(item.times_said);
    const deadline = item.deadline || item.deadline_text || "—";
    body.append(h("tr", { class: "row", "data-id": item.id, onclick: () => openItem("ledger", item.id) },
      h("td", {}, badge(item.status), item.status_date ? h("span", { class: "sub", text: item.status_date }) : null),
      h("td", {}, h("span", { class: "summary", text: item.summary }), h("span", { class: "sub" }, who, " · ", tags(item.issues))),
      h("td", { text: label(item.speech_act) }),
      h("td", { class: "num", "data-sort-value": item.times_said }, said),
      h("td", { class: "date", text: item.first_said || "—" }),
      h("td", { class: "date", text: item.last_said || "—" }),
      h("td", { class: "date", text: deadline })));
  }
}

// ---------- red lines ----------

async function loadRedLines(filters) {
  const params = { ...filters };
  delete params.lang;
  const data = await api("redlines", params);
  $("dl-redlines").href = apiUrl("redlines", { ...params, format: "csv" });
  const body = clear($("redlines-table").tBodies[0]);
  if (!data.items.length) {
    body.append(h("tr", {}, h("td", { colspan: 5, class: "empty", text: "No red lines match these filters." })));
    return;
  }
  for (const item of data.items) {
    body.append(h("tr", { class: "row", "data-id": item.id, onclick: () => openItem("redline", item.id) },
      h("td", {}, badge(item.status)),
      h("td", {}, h("span", { class: "summary", text: item.summary }),
        h("span", { class: "sub", text: `${actorName(item.holder)} rules out ${label(item.content_type || "an act")} by ${actorName(item.against)}` })),
      h("td", { class: "num", text: item.restated }),
      h("td", { class: "date", text: item.declared || "—" }),
      h("td", { class: "date", text: item.last_restated || "—" })));
  }
}

// ---------- linkage ----------

async function loadLinkage(filters) {
  const params = { actor: filters.actor, recipient: filters.recipient, issue: filters.issue, from: filters.from, to: filters.to };
  const data = await api("linkage", params);
  $("dl-linkage").href = apiUrl("linkage", { ...params, format: "csv" });
  const box = clear($("linkage"));
  const body = clear($("linkage-table").tBodies[0]);
  if (!data.items.length) {
    box.append(h("p", { class: "empty", text: "No issue was used as a lever on another under these filters." }));
    return;
  }
  box.append(drawLinkage(data.items));
  for (const item of data.items) {
    body.append(h("tr", {},
      h("td", { text: actorName(item.actor) }), h("td", { text: actorName(item.recipient) }),
      h("td", { text: `${label(item.lever)} → ${label(item.goal)}` }),
      h("td", { class: "num", text: item.count }),
      h("td", { class: "date", text: item.first_seen || "—" }), h("td", { class: "date", text: item.last_seen || "—" })));
  }
}

function drawLinkage(items) {
  const edges = new Map();
  for (const item of items) {
    const key = `${item.lever}>${item.goal}`;
    edges.set(key, (edges.get(key) || 0) + item.count);
  }
  const nodes = [...new Set(items.flatMap((item) => [item.lever, item.goal]))]
    .sort((a, b) => ISSUES.indexOf(a) - ISSUES.indexOf(b));
  const width = 560, height = 320, cx = width / 2, cy = height / 2, radius = 30;
  const ring = nodes.length > 1 ? Math.min(cx, cy) - radius - 14 : 0;
  const place = new Map(nodes.map((node, idx) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * idx) / nodes.length;
    return [node, [cx + ring * Math.cos(angle), cy + ring * Math.sin(angle)]];
  }));
  const maxCount = Math.max(...edges.values());
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Issue linkage graph", id: "linkage-svg" });
  svg.append(s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, s("path", { d: "M0,0 L10,5 L0,10 z" }))));
  for (const [key, count] of edges) {
    const [lever, goal] = key.split(">");
    const [x1, y1] = place.get(lever), [x2, y2] = place.get(goal);
    const dx = x2 - x1, dy = y2 - y1, length = Math.hypot(dx, dy) || 1;
    // Bend the arrow when the opposite direction exists too, so both stay visible.
    const bend = edges.has(`${goal}>${lever}`) ? 26 : 0;
    const nx = -dy / length, ny = dx / length;
    const sx = x1 + (dx / length) * radius, sy = y1 + (dy / length) * radius;
    const ex = x2 - (dx / length) * (radius + 3), ey = y2 - (dy / length) * (radius + 3);
    const mx = (sx + ex) / 2 + nx * bend, my = (sy + ey) / 2 + ny * bend;
    const widthPx = 1.5 + 4 * (count / maxCount);
    svg.append(s("path", { class: "edge", d: `M${sx},${sy} Q${mx},${my} ${ex},${ey}`, "stroke-width": widthPx, "marker-end": "url(#arrow)" },
      s("title", { text: `${label(lever)} used as a lever on ${label(goal)}: ${count} events` })));
    svg.append(s("text", { class: "edge-label", x: mx + nx * 8, y: my + ny * 8 + 4, "text-anchor": "middle", text: count }));
  }
  for (const node of nodes) {
    const [x, y] = place.get(node);
    svg.append(s("g", { class: "node" }, s("circle", { cx: x, cy: y, r: radius }),
      s("text", { x, y: y + 4, "text-anchor": "middle", text: label(node) })));
  }
  return svg;
}

// ---------- events table ----------

async function loadEvents(filters) {
  const params = { ...filters, kind: $("f-kind").value };
  const data = await api("events", { ...params, limit: PAGE, offset: state.eventsOffset });
  $("dl-events").href = apiUrl("events", { ...params, format: "csv" });
  $("events-count").textContent = `${data.total.toLocaleString("en")} events match. Click a row to see the sentence in its paragraph.`;
  const body = clear($("events-table").tBodies[0]);
  if (!data.items.length) {
    body.append(h("tr", {}, h("td", { colspan: 7, class: "empty", text: "No events match these filters." })));
  }
  for (const event of data.items) {
    const type = event.speech_act ? `${event.event_type} · ${label(event.speech_act)}` : event.event_type;
    body.append(h("tr", { class: "row", "data-id": event.id, onclick: () => openItem("event", event.id) },
      h("td", { class: "date", text: eventDate(event) }),
      h("td", {}, badge(event.kind)),
      h("td", { text: type }),
      h("td", { text: actorName(event.actor) }),
      h("td", { text: actorName(event.recipient) }),
      h("td", {}, tags(event.issues)),
      h("td", { class: "sentence", text: event.sentence })));
  }
  const pager = clear($("events-pager"));
  const last = Math.min(data.offset + data.items.length, data.total);
  pager.append(h("span", { text: data.total ? `${data.offset + 1}–${last} of ${data.total}` : "" }));
  pager.append(h("button", { type: "button", disabled: data.offset === 0, text: "← Previous",
    onclick: () => { state.eventsOffset = Math.max(0, data.offset - PAGE); loadEvents(currentFilters()).catch(showError); } }));
  pager.append(h("button", { type: "button", disabled: last >= data.total, text: "Next →",
    onclick: () => { state.eventsOffset = data.offset + PAGE; loadEvents(currentFilters()).catch(showError); } }));
}

// ---------- evidence drawer ----------

function highlighted(sentence, marks) {
  const bytes = encoder.encode(sentence);
  const nodes = [];
  let at = 0;
  for (const mark of marks || []) {
    if (mark.start < at || mark.end > bytes.length) continue;
    nodes.push(byteSlice(bytes, at, mark.start));
    nodes.push(h("mark", { class: mark.role, title: mark.role, text: byteSlice(bytes, mark.start, mark.end) }));
    at = mark.end;
  }
  nodes.push(byteSlice(bytes, at, bytes.length));
  return nodes;
}

function utterance(marked) {
  const event = marked.event;
  const who = [event.speaker && `speaker: ${event.speaker}`, event.attribution && `per ${event.attribution}`]
    .filter(Boolean).join(" · ");
  return h("div", { class: `utterance ${event.kind}` },
    h("div", { class: "meta" }, badge(event.kind), h("strong", { text: eventDate(event) }),
      h("span", { text: `${event.event_type}${event.speech_act ? ` · ${label(event.speech_act)}` : ""}` }),
      h("span", { text: event.lang.toUpperCase() }), who ? h("span", { text: who }) : null,
      event.reported_count ? h("span", { text: `source counts ${event.reported_count} times` }) : null,
      event.negated ? h("span", { class: "tag", text: "negated" }) : null,
      event.hypothetical ? h("span", { class: "tag", text: "hypothetical" }) : null,
      h("a", { href: `#event=${encodeURIComponent(event.id)}`, onclick: (e) => { e.preventDefault(); openItem("event", event.id); }, text: "in context" }),
      h("a", { href: `#doc=${encodeURIComponent(event.doc_id)}`, onclick: (e) => { e.preventDefault(); openItem("doc", event.doc_id); }, text: "document" })),
    h("p", {}, highlighted(event.sentence, marked.marks)));
}

function facts(pairs) {
  const list = h("dl", { class: "facts" });
  for (const [name, value] of pairs) {
    if (value === null || value === undefined || value === "") continue;
    list.append(h("dt", { text: name }), h("dd", {}, value));
  }
  return list;
}

function statusHistory(changes) {
  return h("ul", { class: "history" }, (changes || []).map((change) => h("li", {},
    h("span", { class: "date", text: change.date || "—" }), badge(change.status),
    h("span", {}, (change.evidence || []).map((id, idx) => h("a", { href: `#event=${encodeURIComponent(id)}`,
      onclick: (e) => { e.preventDefault(); openItem("event", id); }, text: idx ? ` · event ${idx + 1}` : "event 1" }))))));
}

function miniChart(byMonth) {
  const months = Object.keys(byMonth || {}).sort();
  if (months.length < 1) return null;
  const width = 760, height = 70, bottom = 16;
  const max = Math.max(...Object.values(byMonth));
  const band = width / months.length;
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Utterances per month" });
  months.forEach((month, idx) => {
    const barH = ((height - bottom - 4) * byMonth[month]) / max;
    const x = idx * band + band * 0.15;
    svg.append(s("rect", { x, y: height - bottom - barH, width: Math.max(2, Math.min(48, band * 0.7)), height: barH },
      s("title", { text: `${month}: ${byMonth[month]}` })));
    svg.append(s("text", { x: x, y: height - 3, text: month }));
  });
  return h("div", { class: "mini" }, svg);
}

async function openItem(kind, id) {
  const drawer = $("drawer"), body = clear($("drawer-body"));
  drawer.hidden = false;
  body.append(h("p", { class: "empty", text: "Loading…" }));
  writeHash({ [kind]: id });
  for (const row of document.querySelectorAll("tr.selected")) row.classList.remove("selected");
  for (const row of document.querySelectorAll("tr.row")) if (row.dataset.id === id) row.classList.add("selected");
  try {
    if (kind === "ledger") await showCommitment(id, body);
    else if (kind === "redline") await showRedLine(id, body);
    else if (kind === "event") await showEvent(id, body);
    else if (kind === "doc") await showDocument(id, body);
  } catch (error) {
    clear(body).append(h("p", { class: "error", text: `Could not load: ${error.message}` }));
  }
}

async function showCommitment(id, body) {
  const data = await api(`ledger/${encodeURIComponent(id)}`);
  const item = data.item;
  $("drawer-title").textContent = item.summary;
  clear(body).classList.add("evidence");
  body.id = "drawer-body";
  body.append(h("div", { id: "evidence", "data-kind": "ledger" },
    facts([
      ["Status", h("span", {}, badge(item.status), item.status_date ? ` since ${item.status_date}` : "")],
      ["Act", label(item.speech_act)],
      ["Actor", actorName(item.actor)],
      ["Recipient", actorName(item.recipient)],
      ["What", label(item.content_type || "—")],
      ["Issues", h("span", {}, tags(item.issues))],
      ["Leverage", item.leverage ? `${label(item.leverage.lever)} → ${label(item.leverage.goal)}` : null],
      ["Times said", `${item.times_said} (${item.mentions} found${item.reported_count ? `, source says ${item.reported_count}` : ""})`],
      ["First said", item.first_said], ["Last said", item.last_said],
      ["Deadline", item.deadline || item.deadline_text],
    ]),
    h("h3", { text: "Said over time" }), miniChart(data.by_month),
    h("h3", { text: "Status history" }), statusHistory(item.history),
    h("h3", { text: `Utterances (${data.utterances.length})` }), data.utterances.map(utterance),
    data.status_events.length ? h("h3", { text: "Events that decided the status" }) : null,
    data.status_events.map(utterance)));
}

async function showRedLine(id, body) {
  const data = await api(`redlines/${encodeURIComponent(id)}`);
  const item = data.item;
  $("drawer-title").textContent = item.summary;
  clear(body).append(h("div", { id: "evidence", "data-kind": "redline" },
    facts([
      ["Status", h("span", {}, badge(item.status), item.status_date ? ` since ${item.status_date}` : "")],
      ["Holder", actorName(item.holder)], ["Against", actorName(item.against)],
      ["Rules out", label(item.content_type || "—")],
      ["Declared", item.declared], ["Last restated", item.last_restated], ["Restated", item.restated],
    ]),
    h("h3", { text: "Status history" }), statusHistory(item.history),
    h("h3", { text: `Utterances (${data.utterances.length})` }), data.utterances.map(utterance),
    data.status_events.length ? h("h3", { text: "Events that decided the status" }) : null,
    data.status_events.map(utterance)));
}

async function showEvent(id, body) {
  const data = await api(`events/${encodeURIComponent(id)}`);
  const event = data.event, doc = data.document;
  $("drawer-title").textContent = `${event.event_type} · ${event.kind} · ${eventDate(event)}`;
  const paragraph = h("div", { class: "paragraph" });
  if (data.context) {
    const bytes = encoder.encode(data.context.paragraph);
    paragraph.append(byteSlice(bytes, 0, data.context.sentence_start),
      h("mark", { class: "sentence" }, highlighted(event.sentence, data.marks)),
      byteSlice(bytes, data.context.sentence_end, bytes.length));
  } else {
    paragraph.append(h("p", {}, highlighted(event.sentence, data.marks)));
  }
  clear(body).append(h("div", { id: "evidence", "data-kind": "event" },
    h("h3", { text: "The sentence in its paragraph" }), paragraph,
    h("p", { class: "legend" }, h("mark", { class: "actor", text: "actor" }), h("mark", { class: "event", text: "event word" }),
      h("mark", { class: "recipient", text: "recipient" })),
    facts([
      ["Actor", actorName(event.actor)], ["Recipient", actorName(event.recipient)],
      ["Type", `${event.event_type}${event.mode ? ` (${event.mode})` : ""} · ${label(event.quad)}`],
      ["Kind", badge(event.kind)], ["Speech act", event.speech_act ? label(event.speech_act) : null],
      ["About", event.content_type], ["Issues", h("span", {}, tags(event.issues))],
      ["Leverage", event.leverage ? `${label(event.leverage.lever)} → ${label(event.leverage.goal)}` : null],
      ["Date", event.date ? `${event.date} (${event.date_source})` : null],
      ["Speaker", event.speaker], ["Attribution", event.attribution],
      ["Flags", [event.negated && "negated", event.hypothetical && "hypothetical"].filter(Boolean).join(", ")],
      ["Confidence", Number(event.confidence).toFixed(2)],
    ]),
    doc ? h("h3", { text: "Document" }) : null,
    doc ? facts([
      ["Title", doc.title], ["Published", doc.published], ["Source", doc.source],
      ["Address", doc.url && /^https?:\/\//.test(doc.url) ? h("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank", text: doc.url }) : doc.url],
      ["Open", h("a", { href: `#doc=${encodeURIComponent(doc.id)}`, onclick: (e) => { e.preventDefault(); openItem("doc", doc.id); }, text: "the whole document" })],
    ]) : null));
}

async function showDocument(id, body) {
  const data = await api(`documents/${encodeURIComponent(id)}`);
  const doc = data.document;
  $("drawer-title").textContent = doc.title || doc.source || doc.id;
  const bytes = encoder.encode(data.text);
  // Event sentences, once each, in text order; overlapping spans are skipped.
  const spans = new Map();
  for (const event of data.events) {
    const key = event.span[0];
    if (!spans.has(key)) spans.set(key, { start: event.span[0], end: event.span[1], events: [] });
    spans.get(key).events.push(event);
  }
  const ordered = [...spans.values()].sort((a, b) => a.start - b.start);
  const text = h("div", { class: "doc-text", id: "evidence", "data-kind": "doc" });
  let paragraph = h("p", {});
  const addPlain = (plain) => {
    const parts = plain.split(/\n\n+/);
    parts.forEach((part, idx) => {
      if (idx > 0) { text.append(paragraph); paragraph = h("p", {}); }
      paragraph.append(part);
    });
  };
  let at = 0;
  for (const span of ordered) {
    if (span.start < at || span.end > bytes.length) continue;
    addPlain(byteSlice(bytes, at, span.start));
    const first = span.events[0];
    const title = span.events.map((event) => `${event.event_type} (${event.kind})`).join(", ");
    paragraph.append(h("mark", { class: "evsent", title, onclick: () => openItem("event", first.id),
      text: byteSlice(bytes, span.start, span.end) }));
    at = span.end;
  }
  addPlain(byteSlice(bytes, at, bytes.length));
  text.append(paragraph);
  clear(body).append(facts([
    ["Published", doc.published], ["Language", doc.lang.toUpperCase()], ["Format", doc.format], ["Source", doc.source],
    ["Address", doc.url && /^https?:\/\//.test(doc.url) ? h("a", { href: doc.url, rel: "noreferrer noopener", target: "_blank", text: doc.url }) : doc.url],
    ["Events", `${data.events.length} (highlighted; click one for its details)`],
  ]), text);
}

function closeDrawer() {
  $("drawer").hidden = true;
  writeHash();
}

// ---------- sorting ----------

// Clicking a column header sorts the rows already shown by that column's text (numbers and
// ISO dates compare naturally); clicking again reverses the order.
function makeSortable(table) {
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((cell, column) => {
    cell.classList.add("sortable");
    cell.title = "Sort by this column";
    cell.addEventListener("click", () => {
      const descending = cell.dataset.sort !== "desc";
      for (const other of headers) delete other.dataset.sort;
      cell.dataset.sort = descending ? "desc" : "asc";
      const body = table.tBodies[0];
      const rows = [...body.rows].filter((row) => row.cells.length === headers.length);
      const key = (row) => (row.cells[column].dataset.sortValue ?? row.cells[column].textContent).trim();
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const order = (x !== "" && y !== "" && !Number.isNaN(Number(x)) && !Number.isNaN(Number(y)))
          ? Number(x) - Number(y) : x.localeCompare(y);
        return descending ? -order : order;
      });
      for (const row of rows) body.append(row);
    });
  });
}

// ---------- wiring ----------

async function refresh() {
  const seq = ++state.loadSeq;
  writeHash();
  showError(null);
  const filters = currentFilters();
  const jobs = [loadTimeline(filters), loadLedger(filters), loadRedLines(filters), loadLinkage(filters), loadEvents(filters)];
  const results = await Promise.allSettled(jobs);
  if (seq !== state.loadSeq) return;
  const failed = results.find((result) => result.status === "rejected");
  showError(failed ? failed.reason : null);
  document.body.dataset.loaded = "true";
}

async function start() {
  const params = readHash();
  for (const id of ["ledger-table", "redlines-table", "linkage-table", "events-table"]) makeSortable($(id));
  $("api-link").href = apiUrl("openapi.json");
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); state.eventsOffset = 0; refresh(); });
  $("reset").addEventListener("click", () => {
    for (const name of FILTERS) $(`f-${name}`).value = "";
    $("f-status").value = ""; $("f-kind").value = "";
    state.eventsOffset = 0;
    refresh();
  });
  $("swap").addEventListener("click", () => {
    const actor = $("f-actor").value;
    $("f-actor").value = $("f-recipient").value;
    $("f-recipient").value = actor;
  });
  for (const id of ["f-actor", "f-recipient", "f-issue", "f-lang"]) {
    $(id).addEventListener("change", () => { state.eventsOffset = 0; refresh(); });
  }
  $("f-status").addEventListener("change", () => { writeHash(); loadLedger(currentFilters()).catch(showError); });
  $("f-kind").addEventListener("change", () => {
    state.eventsOffset = 0; writeHash();
    Promise.all([loadEvents(currentFilters()), loadTimeline(currentFilters())]).catch(showError);
  });
  $("drawer-close").addEventListener("click", closeDrawer);
  $("drawer").addEventListener("click", (e) => { if (e.target === $("drawer")) closeDrawer(); });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("drawer").hidden) closeDrawer(); });
  try {
    await loadFacets(params);
  } catch (error) {
    showError(error);
  }
  readHash();
  await refresh();
  for (const kind of ["ledger", "redline", "event", "doc"]) {
    const id = params.get(kind);
    if (id) { openItem(kind, id); break; }
  }
}

start();
