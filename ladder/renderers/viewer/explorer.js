/* ladder's org explorer: one offline page that opens on the top of an org and lays the
   visible cards out again (LadderLayout, layout.js) each time a team opens or closes.

   The people come as columns of JSON in #lv-data (names are data: they reach the page through
   textContent and canvas text, never as HTML). Cards near the screen are DOM elements when
   they are big enough to read; when zoomed far out, cards and all connectors are painted on
   one canvas, so 100,000 people cost one array each, not one element each.
   window.ladder is the page API (see the README): expand, collapse, focus, openLevels, search,
   cards, fit; each returns a promise that settles once the page has been laid out and drawn. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("lv-data").textContent);
  var READABLE = 10 / 11;  // zoom at which the smallest card text (11 px) is 10 px on screen
  var DOM_FROM = 0.3;  // below this zoom, cards are painted on the canvas
  var FIT_MOST = 1.2;  // fit never blows a small team up further than this
  var ANIMATION_MS = 240;
  var MARGIN = 24;

  /* --- the people ----------------------------------------------------------------------- */
  var ids = data.id, count = ids.length, parentOf = Int32Array.from(data.parent);
  var strings = data.strings;
  var style = data.style;
  var number = new Map();
  for (var i0 = 0; i0 < count; i0++) number.set(ids[i0], i0);
  var kidStart = new Int32Array(count + 1), kidList = new Int32Array(count), roots = [];
  (function () {
    var i;
    for (i = 0; i < count; i++) if (parentOf[i] >= 0) kidStart[parentOf[i] + 1]++;
    for (i = 0; i < count; i++) kidStart[i + 1] += kidStart[i];
    var fill = kidStart.slice(0, count);
    for (i = 0; i < count; i++) {
      if (parentOf[i] >= 0) kidList[fill[parentOf[i]]++] = i; else roots.push(i);
    }
  })();
  function kidCount(g) { return kidStart[g + 1] - kidStart[g]; }
  function allKids(g) { return kidList.subarray(kidStart[g], kidStart[g + 1]); }
  var isAssistant = new Uint8Array(count), isVacant = new Uint8Array(count);
  (data.assistant || []).forEach(function (g) { isAssistant[g] = 1; });
  (data.vacant || []).forEach(function (g) { isVacant[g] = 1; });
  // a diff's marks (joined, moved, changed, left): the kind of each marked card, -1 for none
  var marks = data.marks || [], markOf = new Int8Array(count).fill(-1);
  (data.marked || []).forEach(function (pair) { markOf[pair[0]] = pair[1]; });
  var onChanges = new Uint8Array(count);  // a marked card, or a manager above one
  (data.marked || []).forEach(function (pair) {
    for (var at = pair[0]; at >= 0 && !onChanges[at]; at = parentOf[at]) onChanges[at] = 1;
  });
  var depth = new Int32Array(count), teamSize = new Int32Array(count), preorder = [];
  (function () {
    var pending = roots.slice().reverse();
    roots.forEach(function (r) { depth[r] = 1; });
    while (pending.length) {
      var g = pending.pop();
      preorder.push(g);
      for (var k = kidStart[g + 1] - 1; k >= kidStart[g]; k--) {
        depth[kidList[k]] = depth[g] + 1;
        pending.push(kidList[k]);
      }
    }
    for (var p = preorder.length - 1; p >= 0; p--) {
      var h = preorder[p];
      if (parentOf[h] >= 0) teamSize[parentOf[h]] += teamSize[h] + 1;
    }
  })();
  var deepest = 0;
  for (var d0 = 0; d0 < count; d0++) if (depth[d0] > deepest) deepest = depth[d0];
  function name(g) { return data.name[g]; }
  function line2(g) { return strings[data.line2[g]]; }
  function line3(g) { return strings[data.line3[g]]; }
  // the lines as a card shows them: fitted in Python by the SVG cards' rules (a title on two
  // lines, a department cut in the middle); the whole lines above are for tooltips and search
  var cutNames = new Map(data.shownName || []);
  function shownName(g) { return cutNames.has(g) ? cutNames.get(g) : name(g); }
  function shown2(g) { return data.shown2 ? strings[data.shown2[g]] : line2(g); }
  function shown3(g) { return data.shown3 ? strings[data.shown3[g]] : line3(g); }
  var titleStep = 15;  // px from a wrapped title's first line to its second (as the SVG's)
  var lowered = ((style.title_lines || 1) - 1) * titleStep;  // the third line, under two
  function colour(g) { return data.colours[data.colour[g]] || "#c0c4cc"; }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function chain(g) {  // the managers above g, top first
    var up = [];
    for (var at = parentOf[g]; at >= 0; at = parentOf[at]) up.push(at);
    return up.reverse();
  }

  /* --- what is open, and the layout of what shows ----------------------------------------- */
  var open = new Uint8Array(count);
  var focusOn = -1, onChain = null;  // focus mode: the person, and their chain (Set)
  var changesOnly = false;  // the changes filter: marked cards and the chains above them
  var chart = null;  // the current layout (local indices); shownAt[g] = local index or -1
  var shownAt = new Int32Array(count).fill(-1);
  var posX = new Float64Array(count), posY = new Float64Array(count);
  var fromX = new Float64Array(count), fromY = new Float64Array(count);
  function kidsOf(g) {
    if (onChain && onChain.has(g) && g !== focusOn) {
      for (var k = kidStart[g]; k < kidStart[g + 1]; k++) {
        if (onChain.has(kidList[k]) || kidList[k] === focusOn) return [kidList[k]];
      }
    }
    if (changesOnly && focusOn < 0 && !open[g]) {  // a team the reader opens shows whole
      return Array.prototype.filter.call(allKids(g), function (k) { return onChanges[k] === 1; });
    }
    return open[g] || g === focusOn ? allKids(g) : [];
  }
  function manages(g) { return kidCount(g) > 0; }
  function beside(g) { return isAssistant[g] === 1 && parentOf[g] >= 0 && kidCount(g) === 0; }
  function shownRoots() {
    if (changesOnly && focusOn < 0) return roots.filter(function (r) { return onChanges[r] === 1; });
    if (focusOn < 0) return roots;
    var top = focusOn;
    while (parentOf[top] >= 0) top = parentOf[top];
    return [top];
  }
  function computeLayout() {
    var tree = LadderLayout.visibleTree(shownRoots(), kidsOf, manages, beside, count);
    return LadderLayout.layout(tree, { style: style, mode: data.mode, columns: data.columns });
  }
  var dottedShown = [];  // [global manager, global person, route] of the dotted lines showing
  function routeDottedLines() {  // both cards shown: routed as the SVG routes them
    var pairs = [], globals = [];
    (data.dotted || []).forEach(function (pair) {
      var s = shownAt[pair[0]], d = shownAt[pair[1]];
      if (s >= 0 && d >= 0) { pairs.push([s, d]); globals.push(pair); }
    });
    var routes = pairs.length ? LadderLayout.routeDotted(chart, pairs) : [];
    dottedShown = globals.map(function (pair, i) { return [pair[0], pair[1], routes[i]]; });
  }
  function relayout() {
    if (chart) chart.tree.people.forEach(function (g) { shownAt[g] = -1; });
    chart = computeLayout();
    var people = chart.tree.people;
    for (var l = 0; l < people.length; l++) {
      shownAt[people[l]] = l;
      posX[people[l]] = chart.x[l];
      posY[people[l]] = chart.y[l];
    }
    routeDottedLines();
    minimapStale = true;
  }

  /* --- the stage: a canvas under a layer of card elements, one camera for both ---------- */
  var stage = document.querySelector(".lv-stage");
  var canvas = stage.querySelector("canvas.lv-canvas");
  var layer = stage.querySelector(".lv-layer");
  var context = canvas.getContext("2d");
  var camera = { k: 1, tx: 0, ty: 0 };
  var elements = new Map();  // g -> card element
  var selected = -1, found = -1;
  function size() { return { w: stage.clientWidth || 1, h: stage.clientHeight || 1 }; }
  function cssVar(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

  var drawPending = false, drawnWaiters = [];
  function requestDraw() {
    if (!drawPending) { drawPending = true; requestAnimationFrame(frame); }
    return new Promise(function (resolve) { drawnWaiters.push(resolve); });
  }
  var animation = null;  // {start, resolve}
  function frame(now) {
    drawPending = false;
    var t = 1;
    if (animation) {
      if (animation.start === null) animation.start = now;
      t = Math.min(1, (now - animation.start) / ANIMATION_MS);
      t = 1 - Math.pow(1 - t, 3);
    }
    draw(t);
    if (animation && t < 1) { drawPending = true; requestAnimationFrame(frame); return; }
    animation = null;
    var waiting = drawnWaiters;
    drawnWaiters = [];
    waiting.forEach(function (resolve) { resolve(); });
  }
  function at(g, t) {  // where card g is drawn at animation time t
    if (t >= 1) return [posX[g], posY[g]];
    return [fromX[g] + (posX[g] - fromX[g]) * t, fromY[g] + (posY[g] - fromY[g]) * t];
  }

  function draw(t) {
    var view = size(), k = camera.k, dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(view.w * dpr) || canvas.height !== Math.round(view.h * dpr)) {
      canvas.width = Math.round(view.w * dpr);
      canvas.height = Math.round(view.h * dpr);
    }
    layer.style.transform = "translate(" + camera.tx + "px," + camera.ty + "px) scale(" + k + ")";
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    var left = -camera.tx / k, top = -camera.ty / k;
    var right = left + view.w / k, bottom = top + view.h / k;
    var w = style.width, h = style.height, people = chart.tree.people, moving = t < 1;
    var inView = [];
    for (var l = 0; l < people.length; l++) {
      var g = people[l], x = posX[g], y = posY[g];
      if (moving) { x = fromX[g] + (x - fromX[g]) * t; y = fromY[g] + (y - fromY[g]) * t; }
      if (x + w >= left && x <= right && y + h >= top && y <= bottom) inView.push(g);
    }
    var useDom = k >= DOM_FROM;
    if (!useDom && k * w * dpr < PIXEL_CARDS_BELOW) paintPixels(inView, t, k, dpr);
    context.setTransform(dpr * k, 0, 0, dpr * k, dpr * camera.tx, dpr * camera.ty);
    if (!moving && k * style.level_gap >= 2) drawLines(left, top, right, bottom, k);
    if (!useDom && k * w * dpr >= PIXEL_CARDS_BELOW) paintCards(inView, t, k);
    var keep = new Set();
    if (useDom) {
      inView.forEach(function (g) {
        keep.add(g);
        var element = elements.get(g) || makeCard(g);
        var p = at(g, t);
        if (element._x !== p[0] || element._y !== p[1]) {
          element.style.transform = "translate(" + p[0] + "px," + p[1] + "px)";
          element._x = p[0];
          element._y = p[1];
        }
        updateCard(element, g);
      });
    }
    elements.forEach(function (element, g) {
      if (!keep.has(g) && element !== document.activeElement) {
        element.remove();
        elements.delete(g);
      }
    });
    drawnNow = inView;
    drawMinimap();
  }

  /* Far out, a card is a few pixels: fill them straight into an image, which costs the pixels
     covered rather than a canvas call per card (100,000 cards in a few milliseconds). */
  var PIXEL_CARDS_BELOW = 24;  // card width in device pixels
  var pixels = null, words = null, packed = new Map();
  function rgba(colourText) {
    var known = packed.get(colourText);
    if (known !== undefined) return known;
    var probe = document.createElement("canvas").getContext("2d");
    probe.fillStyle = colourText;
    probe.fillRect(0, 0, 1, 1);
    var d = probe.getImageData(0, 0, 1, 1).data;
    known = ((d[3] << 24) | (d[2] << 16) | (d[1] << 8) | d[0]) >>> 0;  // little-endian RGBA
    packed.set(colourText, known);
    return known;
  }
  function paintPixels(inView, t, k, dpr) {
    var width = canvas.width, height = canvas.height;
    if (!pixels || pixels.width !== width || pixels.height !== height) {
      pixels = context.createImageData(width, height);
      words = new Uint32Array(pixels.data.buffer);
    }
    words.fill(0);
    var body = rgba(cssVar("--card-line") || "#d0d7de"), accent = rgba(cssVar("--accent") || "#d4380d");
    var scale = k * dpr, ox = camera.tx * dpr, oy = camera.ty * dpr;
    var w = style.width * scale, h = style.height * scale, stripe = Math.max(1, 5 * scale);
    for (var i = 0; i < inView.length; i++) {
      var g = inView[i], p = at(g, t);
      var x0 = Math.max(0, Math.floor(p[0] * scale + ox)), y0 = Math.max(0, Math.floor(p[1] * scale + oy));
      var x1 = Math.min(width, Math.max(x0 + 1, Math.round(p[0] * scale + ox + w)));
      var y1 = Math.min(height, Math.max(y0 + 1, Math.round(p[1] * scale + oy + h)));
      var split = w >= 6 ? Math.min(x1, x0 + Math.round(stripe)) : x0;
      var side = g === found ? accent : rgba(colour(g)), main = g === found ? accent : body;
      for (var y = y0; y < y1; y++) {
        var row = y * width;
        if (split > x0) words.fill(side, row + x0, row + split);
        words.fill(split > x0 ? main : side, row + split, row + x1);
      }
    }
    context.putImageData(pixels, 0, 0);
  }
  var drawnNow = [];

  function drawLines(left, top, right, bottom, k) {
    var people = chart.tree.people, manager = chart.tree.manager, w = style.width, h = style.height;
    context.lineWidth = Math.max(1.25, 1 / k);
    context.strokeStyle = cssVar("--connector") || "#8b949e";
    context.beginPath();
    for (var l = 0; l < people.length; l++) {
      var boss = manager[l];
      if (boss < 0) continue;
      var x0 = Math.min(chart.x[boss], chart.x[l], chart.edgeVia[l] || chart.x[l]);
      var x1 = Math.max(chart.x[boss], chart.x[l], chart.edgeVia[l] || chart.x[l]) + w;
      var banded = chart.bandOf.has(l);
      if (!banded && (x1 < left || x0 > right || chart.y[l] + h < top || chart.y[boss] > bottom)) continue;
      var points = LadderLayout.route(chart, l);
      context.moveTo(points[0][0], points[0][1]);
      for (var q = 1; q < points.length; q++) context.lineTo(points[q][0], points[q][1]);
    }
    context.stroke();
    if (dottedShown.length) {
      context.setLineDash([5, 4]);
      context.strokeStyle = context.fillStyle = cssVar("--dotted") || "#8250df";
      context.beginPath();
      dottedShown.forEach(function (line) {
        var points = line[2];
        context.moveTo(points[0][0], points[0][1]);
        for (var q = 1; q < points.length; q++) context.lineTo(points[q][0], points[q][1]);
      });
      context.stroke();
      context.setLineDash([]);
      context.beginPath();  // the arrowhead at the dotted-line manager, as the SVG's
      dottedShown.forEach(function (line) {
        var tip = line[2][0], next = line[2][1], run = Math.abs(next[0] - tip[0]) + Math.abs(next[1] - tip[1]);
        var step = run ? Math.min(7, run) / run : 0;
        var bx = tip[0] + (next[0] - tip[0]) * step, by = tip[1] + (next[1] - tip[1]) * step;
        var sx = tip[0] === bx ? 3.5 : 0, sy = tip[0] === bx ? 0 : 3.5;
        context.moveTo(tip[0], tip[1]);
        context.lineTo(bx + sx, by + sy);
        context.lineTo(bx - sx, by - sy);
        context.closePath();
      });
      context.fill();
    }
  }
  function paintCards(inView, t, k) {
    var w = style.width, h = style.height;
    context.fillStyle = cssVar("--card") || "#fff";
    context.strokeStyle = cssVar("--card-line") || "#d0d7de";
    context.lineWidth = 1 / k;
    inView.forEach(function (g) {
      var p = at(g, t);
      context.fillRect(p[0], p[1], w, h);
      if (k > 0.05) context.strokeRect(p[0], p[1], w, h);
    });
    inView.forEach(function (g) {
      var p = at(g, t);
      context.fillStyle = g === found ? (cssVar("--accent") || "#d4380d") :
        markOf[g] >= 0 ? marks[markOf[g]][1] : colour(g);
      context.fillRect(p[0], p[1], k > 0.05 ? 12 : w, h);
    });
  }

  /* --- cards as elements (names set as text) -------------------------------------------- */
  function makeCard(g) {
    var element = document.createElement("div");
    element.className = "lv-card" + (isVacant[g] ? " lv-vacant" : "");
    element.dataset.id = ids[g];
    element.tabIndex = 0;
    element.setAttribute("role", "treeitem");
    element.setAttribute("aria-level", String(depth[g]));
    if (markOf[g] >= 0) {  // outlined in the mark's colour, as the SVG's card
      element.classList.add("lv-marked");
      element.style.borderColor = marks[markOf[g]][1];
    }
    var stripe = document.createElement("span");
    stripe.className = "lv-stripe";
    stripe.style.background = colour(g);
    element.appendChild(stripe);
    if (style.width !== 240 || style.height !== 72) {  // cards sized to their text
      element.style.width = style.width + "px";
      element.style.height = style.height + "px";
    }
    [["lv-name", shownName(g)], ["lv-line", shown2(g)], ["lv-line lv-small", shown3(g)]].forEach(function (row) {
      var text = document.createElement("div");
      text.className = row[0];
      text.textContent = row[1] || "";
      element.appendChild(text);
    });
    var tip = [name(g), line2(g), line3(g)].filter(Boolean).join("\n");
    if (manages(g)) {
      tip += "\n" + plural(kidCount(g), "direct report", "direct reports") + ", " +
        plural(teamSize[g], "person", "people") + " in the team";
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "lv-toggle";
      element.appendChild(toggle);
    }
    element.title = tip;
    element._x = element._y = NaN;
    element._state = "";
    layer.appendChild(element);
    elements.set(g, element);
    return element;
  }
  function updateCard(element, g) {
    var state = (g === selected ? "s" : "") + (g === found ? "f" : "") + (g === focusOn ? "o" : "") +
      (open[g] || g === focusOn || (onChain && onChain.has(g)) ? "+" : "-");
    if (element._state === state) return;
    element._state = state;
    element.classList.toggle("lv-selected", g === selected);
    element.classList.toggle("lv-found", g === found);
    element.classList.toggle("lv-focus", g === focusOn);
    var toggle = element.querySelector(".lv-toggle");
    if (toggle) {
      var shows = state.indexOf("+") >= 0, n = kidCount(g);
      toggle.textContent = (shows ? "− " : "+ ") + plural(n, "report", "reports");
      toggle.setAttribute("aria-expanded", shows ? "true" : "false");
      toggle.setAttribute("aria-label", (shows ? "Close the team of " : "Open the team of ") + name(g) +
        " (" + plural(n, "report", "reports") + ")");
      element.setAttribute("aria-expanded", shows ? "true" : "false");
    }
  }

  /* --- the camera ----------------------------------------------------------------------- */
  function fitCamera() {
    var view = size();
    var k = Math.min((view.w - 2 * MARGIN) / Math.max(chart.width, 1),
                     (view.h - 2 * MARGIN) / Math.max(chart.height, 1), FIT_MOST);
    camera.k = k;
    camera.tx = (view.w - chart.width * k) / 2;
    camera.ty = Math.max(MARGIN, (view.h - chart.height * k) / 2);
  }
  function centreOn(g, k) {
    var view = size();
    camera.k = k || Math.max(camera.k, READABLE);
    camera.tx = view.w / 2 - (posX[g] + style.width / 2) * camera.k;
    camera.ty = view.h / 2 - (posY[g] + style.height / 2) * camera.k;
  }
  function zoomAt(factor, sx, sy) {
    var view = size();
    if (sx === undefined) { sx = view.w / 2; sy = view.h / 2; }
    var k = Math.min(Math.max(camera.k * factor, 0.002), 4);
    camera.tx = sx - (sx - camera.tx) * (k / camera.k);
    camera.ty = sy - (sy - camera.ty) * (k / camera.k);
    camera.k = k;
    requestDraw();
  }

  /* Open or close teams and draw again; `anchor` stays where it is on the screen. */
  function change(mutate, anchor, animate) {
    var before = chart;
    if (before) {
      before.tree.people.forEach(function (g) { fromX[g] = posX[g]; fromY[g] = posY[g]; });
    }
    var screenX = anchor >= 0 && before && shownAt[anchor] >= 0 ? posX[anchor] * camera.k + camera.tx : null;
    var screenY = screenX !== null ? posY[anchor] * camera.k + camera.ty : null;
    var old = before ? before.tree.people : [];
    var was = new Uint8Array(count);
    old.forEach(function (g) { was[g] = 1; });
    mutate();
    relayout();
    chart.tree.people.forEach(function (g) {  // new cards grow out of the nearest card shown
      if (was[g]) return;
      var from = parentOf[g];
      while (from >= 0 && !was[from]) from = parentOf[from];
      fromX[g] = from >= 0 ? fromX[from] : posX[g];
      fromY[g] = from >= 0 ? fromY[from] : posY[g];
    });
    if (screenX !== null && shownAt[anchor] >= 0) {
      camera.tx = screenX - posX[anchor] * camera.k;
      camera.ty = screenY - posY[anchor] * camera.k;
    }
    if (animate && api.animate && before) animation = { start: null };
    status();
    return requestDraw();
  }

  /* --- opening and closing ------------------------------------------------------------ */
  function expand(g) { return change(function () { open[g] = 1; }, g, true); }
  function collapse(g) {
    return change(function () {
      open[g] = 0;
      if (focusOn >= 0 && (focusOn === g || chain(focusOn).indexOf(g) >= 0)) leaveFocus(false);
      if (found >= 0 && chain(found).indexOf(g) >= 0) found = -1;
    }, g, true);
  }
  function toggle(g) { return open[g] || g === focusOn ? collapse(g) : expand(g); }
  function openLevels(n) {
    return change(function () {
      leaveFocus(false);
      for (var g = 0; g < count; g++) open[g] = depth[g] < n ? 1 : 0;
    }, -1, false).then(function () { fitCamera(); return requestDraw(); });
  }
  function openChain(g) { chain(g).forEach(function (m) { open[m] = 1; }); }
  function leaveFocus(redraw) {
    if (focusOn < 0) return null;
    var was = focusOn;
    focusOn = -1;
    onChain = null;
    document.body.classList.remove("lv-focusing");
    focusLabel();
    if (redraw) return change(function () { openChain(was); }, was, true);
    openChain(was);
    return null;
  }
  function focus(g) {
    return change(function () {
      focusOn = g;
      onChain = new Set(chain(g));
      selected = g;
      document.body.classList.add("lv-focusing");
      focusLabel();
    }, -1, false).then(function () { showCrumbs(); fitCamera(); return requestDraw(); });
  }
  function reveal(g) {
    return change(function () {
      if (focusOn >= 0 && chain(g).indexOf(focusOn) < 0 && focusOn !== g) leaveFocus(false);
      openChain(g);
      found = g;
      selected = g;
    }, -1, false).then(function () {
      showCrumbs();  // first: the breadcrumb takes a line off the stage
      centreOn(g);
      return requestDraw();
    });
  }
  function select(g) {
    selected = g;
    showCrumbs();
    try { history.replaceState(null, "", "#" + encodeURIComponent(ids[g])); } catch (error) { /* srcdoc */ }
    return requestDraw();
  }

  function focusLabel() {
    var button = document.querySelector('[data-action="focus"]');
    if (button) {
      button.textContent = focusOn >= 0 ? "Leave focus" : "Focus";
      button.setAttribute("aria-pressed", focusOn >= 0 ? "true" : "false");
    }
  }

  /* --- breadcrumb ------------------------------------------------------------------------- */
  var crumbs = document.querySelector(".lv-crumbs");
  function showCrumbs() {
    crumbs.textContent = "";
    if (selected < 0) { crumbs.hidden = true; return; }
    chain(selected).concat([selected]).forEach(function (g, index) {
      if (index) crumbs.appendChild(document.createTextNode(" › "));
      var item = document.createElement("button");
      item.type = "button";
      item.textContent = name(g);
      item.addEventListener("click", function () { reveal(g); });
      crumbs.appendChild(item);
    });
    crumbs.hidden = false;
  }

  /* --- pointer and keys --------------------------------------------------------------- */
  var drag = null;
  stage.addEventListener("pointerdown", function (event) {
    if (event.button !== 0 || event.target.closest(".lv-minimap")) return;
    drag = { x: event.clientX, y: event.clientY, tx: camera.tx, ty: camera.ty, moved: false };
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 5) return;
    if (!drag.moved) stage.classList.add("lv-dragging");
    drag.moved = true;
    camera.tx = drag.tx + dx;
    camera.ty = drag.ty + dy;
    requestDraw();
  });
  window.addEventListener("pointerup", function () {
    if (drag && drag.moved) { stage.classList.remove("lv-dragging"); dragEnded = Date.now(); }
    drag = null;
  });
  var dragEnded = 0;
  stage.addEventListener("wheel", function (event) {
    event.preventDefault();
    var rect = stage.getBoundingClientRect();
    zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - rect.left, event.clientY - rect.top);
  }, { passive: false });
  function cardOf(target) {
    var element = target.closest && target.closest(".lv-card");
    return element ? number.get(element.dataset.id) : undefined;
  }
  stage.addEventListener("click", function (event) {
    if (Date.now() - dragEnded < 50) return;
    var g = cardOf(event.target);
    if (g === undefined) {  // far out, cards are on the canvas: zoom in on the one clicked
      if (camera.k >= DOM_FROM || event.target.closest(".lv-minimap")) return;
      var rect = stage.getBoundingClientRect();
      var lx = (event.clientX - rect.left - camera.tx) / camera.k;
      var ly = (event.clientY - rect.top - camera.ty) / camera.k;
      var hit = drawnNow.find(function (h) {
        return lx >= posX[h] && lx <= posX[h] + style.width && ly >= posY[h] && ly <= posY[h] + style.height;
      });
      if (hit !== undefined) { centreOn(hit, READABLE); select(hit); }
      return;
    }
    if (event.target.closest(".lv-toggle")) toggle(g); else select(g);
  });
  function visibleKids(g) {
    var local = shownAt[g];
    return local < 0 ? [] : chart.tree.kids[local].map(function (l) { return chart.tree.people[l]; });
  }
  function goTo(g) {  // keyboard: move to card g, bringing it on screen when it is off it
    if (g === undefined || g < 0 || shownAt[g] < 0) return;
    var view = size(), sx = posX[g] * camera.k + camera.tx, sy = posY[g] * camera.k + camera.ty;
    if (sx < 0 || sy < 0 || sx + style.width * camera.k > view.w || sy + style.height * camera.k > view.h) {
      centreOn(g, camera.k);
    }
    select(g).then(function () {
      var element = elements.get(g);
      if (element) element.focus({ preventScroll: true });
    });
  }
  stage.addEventListener("keydown", function (event) {
    var g = cardOf(event.target);
    if (g === undefined) return;
    var boss = parentOf[g], siblings = boss >= 0 ? visibleKids(boss) : shownRoots();
    var at = siblings.indexOf(g);
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      if (manages(g)) toggle(g); else select(g);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      goTo(visibleKids(g)[0]);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      goTo(boss);
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      goTo(siblings[at + (event.key === "ArrowLeft" ? -1 : 1)]);
    }
  });

  /* --- search ------------------------------------------------------------------------- */
  var input = document.querySelector(".lv-search input");
  var results = document.querySelector(".lv-results");
  var folded = null;
  var plain = /^[\x00-\x7f]*$/;
  function fold(text) {  // case and accents ignored; plain ASCII (most names) skips the work
    text = String(text || "");
    if (plain.test(text)) return text.toLowerCase();
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function foldAll() {  // the words searched, folded once (soon after the page opens)
    folded = new Array(count);
    var cache = new Map();
    for (var g = 0; g < count; g++) {
      var rest = data.line2[g] + "," + data.line3[g];
      var other = cache.get(rest);
      if (other === undefined) { other = fold(line2(g) + " " + line3(g)); cache.set(rest, other); }
      folded[g] = [fold(name(g)), other, fold(ids[g])];
    }
  }
  function search(text) {
    var query = fold(String(text).trim());
    if (!query) return [];
    if (!folded) foldAll();
    var scored = [];
    for (var p = 0; p < count; p++) {
      var f = folded[p], score = -1, at;
      if (f[2] === query) score = 0;
      else if (f[0] === query) score = 1;
      else if ((at = f[0].indexOf(query)) === 0) score = 2;
      else if (at > 0) score = f[0].charAt(at - 1) === " " ? 3 : 4;
      else if (f[1].indexOf(query) >= 0) score = 5;
      else if (f[2].indexOf(query) >= 0) score = 6;
      if (score >= 0) scored.push([score, depth[p], p]);
    }
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return scored.map(function (s) { return s[2]; });
  }
  var active = 0, hits = [];
  function listResults() {
    hits = search(input.value);
    results.textContent = "";
    active = 0;
    if (!input.value.trim()) { results.hidden = true; return; }
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "lv-none";
      none.textContent = "No one matches “" + input.value.trim() + "”";
      results.appendChild(none);
      if (found >= 0) { found = -1; requestDraw(); }
    }
    hits.slice(0, 30).forEach(function (g, index) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", index === 0 ? "true" : "false");
      item.textContent = name(g) + " ";
      var small = document.createElement("small");
      small.textContent = [line2(g), line3(g)].filter(Boolean).join(" · ");
      item.appendChild(small);
      item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(g); });
      results.appendChild(item);
    });
    if (hits.length > 30) {
      var more = document.createElement("li");
      more.className = "lv-none";
      more.textContent = (hits.length - 30) + " more: type more of the name";
      results.appendChild(more);
    }
    results.hidden = false;
  }
  function choose(g) {
    results.hidden = true;
    return reveal(g);
  }
  function mark(index) {
    var items = results.querySelectorAll("[role=option]");
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
    items[active].scrollIntoView({ block: "nearest" });
  }
  input.addEventListener("input", listResults);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); mark(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); mark(active - 1); }
    else if (event.key === "Enter") {
      event.preventDefault();
      if (results.hidden) listResults();
      if (hits.length) choose(hits[Math.min(active, hits.length - 1)]);
    } else if (event.key === "Escape") {
      results.hidden = true;
      input.value = "";
      if (found >= 0) { found = -1; requestDraw(); }
    }
  });
  input.addEventListener("blur", function () { setTimeout(function () { results.hidden = true; }, 150); });

  /* --- the minimap (big charts) ------------------------------------------------------- */
  var minimap = document.querySelector(".lv-minimap");
  var mapContext = minimap.getContext("2d");
  var minimapStale = true, mapScale = 1, mapImage = null;
  function drawMinimap() {
    var big = chart.tree.count > 60 && (chart.width * camera.k > size().w * 1.5 ||
                                        chart.height * camera.k > size().h * 1.5);
    minimap.hidden = !big;
    if (!big) return;
    if (minimapStale || !mapImage) {  // as tall as the chart's shape asks, within limits
      var tall = Math.round(Math.min(140, Math.max(36, 200 * chart.height / Math.max(chart.width, 1))));
      minimap.style.height = tall + "px";
      minimap.height = tall * 2;
    }
    var mw = minimap.width, mh = minimap.height;
    if (minimapStale || !mapImage) {
      mapScale = Math.min(mw / Math.max(chart.width, 1), mh / Math.max(chart.height, 1));
      mapImage = mapContext.createImageData(mw, mh);
      var cells = new Uint32Array(mapImage.data.buffer), ink = rgba(cssVar("--muted") || "#57606a");
      var w = Math.max(1, Math.round(style.width * mapScale)), h = Math.max(1, Math.round(style.height * mapScale));
      for (var l = 0; l < chart.tree.count; l++) {  // pixels, not a canvas call per card
        var x0 = Math.floor(chart.x[l] * mapScale), y0 = Math.floor(chart.y[l] * mapScale);
        for (var y = y0; y < Math.min(mh, y0 + h); y++) cells.fill(ink, y * mw + x0, y * mw + Math.min(mw, x0 + w));
      }
      minimapStale = false;
    }
    mapContext.putImageData(mapImage, 0, 0);
    var view = size();
    mapContext.strokeStyle = cssVar("--accent") || "#d4380d";
    mapContext.lineWidth = 1.5;
    mapContext.strokeRect(-camera.tx / camera.k * mapScale, -camera.ty / camera.k * mapScale,
                          view.w / camera.k * mapScale, view.h / camera.k * mapScale);
  }
  function minimapMove(event) {
    var rect = minimap.getBoundingClientRect(), view = size();
    var lx = (event.clientX - rect.left) * (minimap.width / rect.width) / mapScale;
    var ly = (event.clientY - rect.top) * (minimap.height / rect.height) / mapScale;
    camera.tx = view.w / 2 - lx * camera.k;
    camera.ty = view.h / 2 - ly * camera.k;
    requestDraw();
  }
  var mapDrag = false;
  minimap.addEventListener("pointerdown", function (event) {
    event.stopPropagation();
    mapDrag = true;
    minimapMove(event);
  });
  window.addEventListener("pointermove", function (event) { if (mapDrag) minimapMove(event); });
  window.addEventListener("pointerup", function () { mapDrag = false; });

  /* --- export and print --------------------------------------------------------------- */
  function escapeXml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }
  function viewBox() {
    var view = size();
    return { x: -camera.tx / camera.k, y: -camera.ty / camera.k, w: view.w / camera.k, h: view.h / camera.k };
  }
  function exportSvg() {
    var box = viewBox(), w = style.width, h = style.height, out = [];
    out.push('<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [box.x, box.y, box.w, box.h].join(" ") +
             '" width="' + Math.round(size().w) + '" height="' + Math.round(size().h) +
             '" font-family="Helvetica, Arial, sans-serif">');
    out.push('<rect x="' + box.x + '" y="' + box.y + '" width="' + box.w + '" height="' + box.h + '" fill="#fff"/>');
    var lines = [];
    chart.tree.people.forEach(function (g, l) {
      if (chart.tree.manager[l] >= 0) {
        lines.push("M" + LadderLayout.route(chart, l).map(function (p) { return p[0] + " " + p[1]; }).join("L"));
      }
    });
    out.push('<path fill="none" stroke="#8b949e" stroke-width="1.25" d="' + lines.join("") + '"/>');
    drawnNow.forEach(function (g) {
      var x = posX[g], y = posY[g];
      out.push('<g><rect x="' + x + '" y="' + y + '" width="' + w + '" height="' + h +
               '" rx="6" fill="#fff" stroke="#d0d7de"/><rect x="' + x + '" y="' + (y + 6) +
               '" width="5" height="' + (h - 12) + '" fill="' + escapeXml(colour(g)) + '"/>' +
               '<text x="' + (x + 14) + '" y="' + (y + 22) + '" font-size="13" font-weight="bold">' +
               escapeXml(shownName(g)) + "</text>" +
               (shown2(g) || "").split("\n").map(function (line, n) {
                 return '<text x="' + (x + 14) + '" y="' + (y + 40 + n * titleStep) +
                        '" font-size="12">' + escapeXml(line) + "</text>";
               }).join("") + '<text x="' + (x + 14) + '" y="' + (y + 57 + lowered) +
               '" font-size="11" fill="#57606a">' + escapeXml(shown3(g) || "") + "</text></g>");
    });
    out.push("</svg>\n");
    return out.join("\n");
  }
  function exportPng() {
    var view = size(), scale = 2, out = document.createElement("canvas");
    out.width = view.w * scale;
    out.height = view.h * scale;
    var c = out.getContext("2d"), k = camera.k;
    c.fillStyle = "#fff";
    c.fillRect(0, 0, out.width, out.height);
    c.setTransform(scale * k, 0, 0, scale * k, scale * camera.tx, scale * camera.ty);
    c.strokeStyle = "#8b949e";
    c.lineWidth = Math.max(1.25, 1 / k);
    c.beginPath();
    chart.tree.people.forEach(function (g, l) {
      if (chart.tree.manager[l] < 0) return;
      var points = LadderLayout.route(chart, l);
      c.moveTo(points[0][0], points[0][1]);
      points.slice(1).forEach(function (p) { c.lineTo(p[0], p[1]); });
    });
    c.stroke();
    drawnNow.forEach(function (g) {
      var x = posX[g], y = posY[g];
      c.fillStyle = "#fff";
      c.fillRect(x, y, style.width, style.height);
      c.strokeStyle = "#d0d7de";
      c.strokeRect(x, y, style.width, style.height);
      c.fillStyle = colour(g);
      c.fillRect(x, y + 6, 5, style.height - 12);
      c.fillStyle = "#1f2328";
      c.font = "bold 13px Helvetica, Arial, sans-serif";
      c.fillText(shownName(g), x + 14, y + 22, style.width - 24);
      c.font = "12px Helvetica, Arial, sans-serif";
      (shown2(g) || "").split("\n").forEach(function (line, n) {
        c.fillText(line, x + 14, y + 40 + n * titleStep, style.width - 24);
      });
      c.fillStyle = "#57606a";
      c.font = "11px Helvetica, Arial, sans-serif";
      c.fillText(shown3(g) || "", x + 14, y + 57 + lowered, style.width - 24);
    });
    return out.toDataURL("image/png");
  }
  function download(name, href) {
    var link = document.createElement("a");
    link.href = href;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  /* --- toolbar, theme, status --------------------------------------------------------- */
  function on(action, handler) {
    var button = document.querySelector('[data-action="' + action + '"]');
    if (button) button.addEventListener("click", handler);
  }
  on("fit", function () { fitCamera(); requestDraw(); });
  on("in", function () { zoomAt(1 / 0.7); });
  on("out", function () { zoomAt(0.7); });
  on("open-all", function () { openLevels(deepest + 1); });
  on("close-all", function () { openLevels(1); });
  on("focus", function () {
    if (focusOn >= 0) leaveFocus(true);
    else if (selected >= 0) focus(selected);
    else statusLine.textContent = "Click a card, then Focus: that person, the chain above, their team";
  });
  /* the changes filter of a drawn diff, and the legend of its marks beside the view */
  function showChanges(on) {
    return change(function () {
      leaveFocus(false);
      changesOnly = on;
      if (on) open.fill(0);  // every team shows its changes only, until the reader opens it
      var button = document.querySelector('[data-action="changes"]');
      if (button) {
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.textContent = on ? "Show all" : "Changes";
      }
    }, -1, false).then(function () { fitCamera(); return requestDraw(); });
  }
  if (marks.length) {
    var changesButton = document.querySelector('[data-action="changes"]');
    if (changesButton) {
      changesButton.hidden = false;
      changesButton.addEventListener("click", function () { showChanges(!changesOnly); });
    }
    var legendBox = document.createElement("div");
    legendBox.className = "lv-legend";
    legendBox.setAttribute("aria-label", "What the outlines mean");
    var tally = marks.map(function () { return 0; });
    (data.marked || []).forEach(function (pair) { tally[pair[1]]++; });
    marks.forEach(function (kind, k) {
      if (!tally[k]) return;
      var row = document.createElement("div"), swatch = document.createElement("span");
      swatch.className = "lv-swatch";
      swatch.style.borderColor = kind[1];
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(kind[0] + ": " + tally[k]));
      legendBox.appendChild(row);
    });
    stage.appendChild(legendBox);
  }
  on("svg", function () {
    download("org-chart.svg", URL.createObjectURL(new Blob([exportSvg()], { type: "image/svg+xml" })));
  });
  on("png", function () { download("org-chart.png", exportPng()); });
  on("print", function () { window.print(); });
  var levelPicker = document.querySelector(".lv-levels");
  if (levelPicker) {
    for (var n = 1; n <= deepest; n++) {
      var option = document.createElement("option");
      option.value = String(n);
      option.textContent = n === 1 ? "Top only" : "Open " + n + " levels";
      levelPicker.appendChild(option);
    }
    levelPicker.addEventListener("change", function () { openLevels(Number(levelPicker.value)); });
  }
  var themes = ["auto", "light", "dark"];
  var themeButton = document.querySelector('[data-action="theme"]');
  function setTheme(theme) {
    if (theme === "auto") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    themeButton.textContent = "Theme: " + theme;
    minimapStale = true;
    requestDraw();
  }
  themeButton.addEventListener("click", function () {
    var now = document.documentElement.dataset.theme || "auto";
    setTheme(themes[(themes.indexOf(now) + 1) % themes.length]);
  });
  ladderFollowDocsTheme(setTheme);  // inside a docs page: the site's light/dark switch
  var statusLine = document.querySelector(".lv-status");
  function status() {
    statusLine.textContent = plural(count, "person", "people") + " · " + chart.tree.count + " shown";
    if (levelPicker) levelPicker.value = "";
  }
  window.addEventListener("resize", function () { requestDraw(); });

  /* --- the first screen: as many levels as fit at a readable size --------------------- */
  function firstScreen() {
    var view = size(), levels = 1, most = Math.min(deepest, 30);
    for (var n = 2; n <= most; n++) {
      for (var g = 0; g < count; g++) open[g] = depth[g] < n ? 1 : 0;
      var trial = computeLayout();
      var k = Math.min((view.w - 2 * MARGIN) / trial.width, (view.h - 2 * MARGIN) / trial.height);
      if (n > 2 && k < READABLE) break;
      levels = n;
      if (k < READABLE || trial.tree.count > 1500) break;
    }
    for (var h = 0; h < count; h++) open[h] = depth[h] < levels ? 1 : 0;
    relayout();
    fitCamera();
    if (camera.k < READABLE && count) {  // even the top two levels are wide: readable, top centred
      var top = shownRoots().reduce(function (best, r) { return teamSize[r] > teamSize[best] ? r : best; });
      camera.k = READABLE;
      camera.tx = view.w / 2 - (posX[top] + style.width / 2) * camera.k;
      camera.ty = MARGIN;
    }
  }
  function fromHash() {
    var wanted = decodeURIComponent(location.hash.slice(1));
    if (!wanted) return null;
    var g = number.get(wanted);
    if (g === undefined && wanted.indexOf("person-") === 0) g = number.get(wanted.slice(7));
    return g === undefined ? null : reveal(g);
  }
  window.addEventListener("hashchange", fromHash);

  function byId(id) {
    var g = number.get(id);
    if (g === undefined) throw new Error("no person with id " + JSON.stringify(id));
    return g;
  }
  var api = window.ladder = {
    animate: true,
    expand: function (id) { return expand(byId(id)); },
    collapse: function (id) { return collapse(byId(id)); },
    toggle: function (id) { return toggle(byId(id)); },
    focus: function (id) { return focus(byId(id)); },
    unfocus: function () { return leaveFocus(true) || requestDraw(); },
    openLevels: function (n) { return openLevels(n); },
    openAll: function () { return openLevels(deepest + 1); },
    closeAll: function () { return openLevels(1); },
    reveal: function (id) { return reveal(byId(id)); },
    search: function (text) { return search(text).map(function (g) { return ids[g]; }); },
    fit: function () { fitCamera(); return requestDraw(); },
    changes: function (on) { return showChanges(on !== false); },  // the changes filter
    cards: function () {
      var rect = stage.getBoundingClientRect(), k = camera.k;
      return drawnNow.map(function (g) {
        return { id: ids[g], x: rect.left + posX[g] * k + camera.tx, y: rect.top + posY[g] * k + camera.ty,
                 width: style.width * k, height: style.height * k };
      });
    },
    layout: function () {  // the layout of what shows, in layout pixels (tests compare it)
      return chart.tree.people.map(function (g, l) {
        return { id: ids[g], x: chart.x[l], y: chart.y[l] };
      });
    },
    lines: function () {  // the connectors of what shows, in layout pixels
      return chart.tree.people.map(function (g, l) {
        return chart.tree.manager[l] < 0 ? null :
          { source: ids[chart.tree.people[chart.tree.manager[l]]], target: ids[g],
            points: LadderLayout.route(chart, l) };
      }).filter(Boolean);
    },
    dotted: function () {  // the dotted lines of what shows (both cards shown), layout pixels
      return dottedShown.map(function (line) {
        return { source: ids[line[0]], target: ids[line[1]], head: "source", points: line[2] };
      });
    },
    zoom: function () { return camera.k; },
    zoomBy: function (factor) { zoomAt(factor); return requestDraw(); },
    pan: function (dx, dy) { camera.tx += dx; camera.ty += dy; return requestDraw(); },
    exportSvg: exportSvg,
    exportPng: exportPng,
    ready: null
  };
  firstScreen();
  status();
  api.ready = (fromHash() || requestDraw()).then(function () {
    document.body.dataset.ready = "true";
    setTimeout(function () { if (!folded) foldAll(); }, 300);  // the first search is quick too
  });
})();
