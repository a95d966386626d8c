/* ladder's offline diagram viewer: pan and zoom, fit, search, collapse (org charts), and a
   role's paths and competencies (ladders). No network, no libraries: one inlined SVG whose
   cards carry ids from the data, and the data itself as JSON in #lv-data. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("lv-data").textContent);
  var stage = document.querySelector(".lv-stage");
  var svg = stage.querySelector("svg");
  var panel = document.querySelector(".lv-panel");
  var status = document.querySelector(".lv-status");
  var nodes = new Map();
  data.nodes.forEach(function (node) { nodes.set(node.id, node); });
  function card(id) { return svg.querySelector("#" + CSS.escape(id)); }

  /* --- pan and zoom: the root viewBox is the camera --------------------------------------- */
  var box = svg.viewBox.baseVal;
  var home = { x: box.x, y: box.y, w: box.width, h: box.height };
  var view = Object.assign({}, home);
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  function show() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }
  function fit() { view = Object.assign({}, home); show(); }
  function unitsPerPixel() {
    var rect = stage.getBoundingClientRect();
    return Math.max(view.w / Math.max(rect.width, 1), view.h / Math.max(rect.height, 1));
  }
  function toDiagram(clientX, clientY) {
    var point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    return point.matrixTransform(svg.getScreenCTM().inverse());
  }
  function zoom(factor, clientX, clientY) {
    var rect = stage.getBoundingClientRect();
    if (clientX === undefined) {
      clientX = rect.left + rect.width / 2;
      clientY = rect.top + rect.height / 2;
    }
    var at = toDiagram(clientX, clientY);
    var width = Math.min(Math.max(view.w * factor, home.w / 200), home.w * 4);
    factor = width / view.w;
    view = { x: at.x - (at.x - view.x) * factor, y: at.y - (at.y - view.y) * factor,
             w: view.w * factor, h: view.h * factor };
    show();
  }
  function centreOn(element) {
    var rect = element.getBoundingClientRect();
    var a = toDiagram(rect.left, rect.top);
    var b = toDiagram(rect.right, rect.bottom);
    var stageRect = stage.getBoundingClientRect();
    var aspect = stageRect.height / Math.max(stageRect.width, 1);
    var width = Math.min(home.w, Math.max((b.x - a.x) * 4, Math.min(home.w, 700)));
    var height = Math.max(width * aspect, (b.y - a.y) * 3);
    view = { x: (a.x + b.x) / 2 - width / 2, y: (a.y + b.y) / 2 - height / 2,
             w: width, h: height };
    show();
  }
  var drag = null;
  var moved = false;
  stage.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, view: Object.assign({}, view) };
    moved = false;
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (!moved && Math.abs(dx) + Math.abs(dy) < 5) return;
    if (!moved) stage.classList.add("lv-dragging");
    moved = true;
    var scale = unitsPerPixel();
    view = Object.assign({}, drag.view, { x: drag.view.x - dx * scale,
                                          y: drag.view.y - dy * scale });
    show();
  });
  window.addEventListener("pointerup", function () {
    drag = null;
    stage.classList.remove("lv-dragging");
  });
  stage.addEventListener("wheel", function (event) {
    event.preventDefault();
    zoom(Math.exp(event.deltaY * 0.0015), event.clientX, event.clientY);
  }, { passive: false });

  /* --- org charts: collapse and expand subtrees -------------------------------------------- */
  var children = new Map();
  data.nodes.forEach(function (node) {
    if (node.parent) {
      if (!children.has(node.parent)) children.set(node.parent, []);
      children.get(node.parent).push(node.id);
    }
  });
  var collapsed = new Set();
  function connector(id) { return svg.querySelector('[data-to="' + CSS.escape(id) + '"]'); }
  function setHidden(id, hidden) {
    var element = card(id);
    if (element) element.classList.toggle("lv-hidden", hidden);
    var line = connector(id);
    if (line) line.classList.toggle("lv-hidden", hidden);
  }
  function below(id) {  // everybody under id, iteratively (charts can be deep)
    var out = [], todo = (children.get(id) || []).slice();
    while (todo.length) {
      var next = todo.pop();
      out.push(next);
      todo.push.apply(todo, children.get(next) || []);
    }
    return out;
  }
  var dottedLines = Array.from(svg.querySelectorAll("[data-ends]"));
  function dotted() {  // a dotted line shows while both its cards do
    dottedLines.forEach(function (line) {
      var hidden = line.getAttribute("data-ends").split(" ").some(function (id) {
        var element = card(id);
        return element && element.classList.contains("lv-hidden");
      });
      line.classList.toggle("lv-hidden", hidden);
    });
  }
  function collapse(id) {
    if (!children.has(id) || collapsed.has(id)) return;
    collapsed.add(id);
    var hidden = below(id);
    hidden.forEach(function (other) { setHidden(other, true); });
    var element = card(id);
    var frame = element.querySelector("rect");
    var more = document.createElementNS("http://www.w3.org/2000/svg", "text");
    more.setAttribute("class", "lv-more");
    more.setAttribute("x", String(Number(frame.getAttribute("width")) - 8));
    more.setAttribute("y", "16");
    more.setAttribute("text-anchor", "end");
    more.textContent = "+" + hidden.length;
    element.appendChild(more);
    element.setAttribute("aria-expanded", "false");
    dotted();
    count();
  }
  function expand(id) {
    if (!collapsed.has(id)) return;
    collapsed.delete(id);
    var element = card(id);
    var more = element.querySelector(".lv-more");
    if (more) more.remove();
    element.setAttribute("aria-expanded", "true");
    var todo = (children.get(id) || []).slice();
    while (todo.length) {  // show down to the next collapsed card, which keeps its own
      var next = todo.pop();
      setHidden(next, false);
      if (!collapsed.has(next)) todo.push.apply(todo, children.get(next) || []);
    }
    dotted();
    count();
  }
  function revealUp(id) {
    var chain = [], node = nodes.get(id);
    while (node && node.parent) { chain.push(node.parent); node = nodes.get(node.parent); }
    chain.reverse().forEach(expand);
  }

  /* --- ladders: a role's paths in and out, and its competencies ---------------------------- */
  var selected = null;
  function reach(start, forward) {
    var seen = new Set([start]), todo = [start];
    while (todo.length) {
      var at = todo.pop();
      (data.moves || []).forEach(function (move) {
        var from = forward ? move.from : move.to, to = forward ? move.to : move.from;
        if (from === at && !seen.has(to)) { seen.add(to); todo.push(to); }
      });
    }
    return seen;
  }
  function clearSelection() {
    selected = null;
    svg.querySelectorAll(".lv-dim").forEach(function (el) { el.classList.remove("lv-dim"); });
    panel.hidden = true;
  }
  function titles(ids) {
    return Array.from(ids).map(function (id) { return nodes.get(id).name; });
  }
  function select(id) {
    if (selected === id) { clearSelection(); return; }
    clearSelection();
    selected = id;
    var up = reach(id, false), down = reach(id, true);
    data.nodes.forEach(function (node) {
      var element = card(node.id);
      if (element && !up.has(node.id) && !down.has(node.id)) element.classList.add("lv-dim");
    });
    (data.moves || []).forEach(function (move) {
      var kept = (up.has(move.from) && up.has(move.to)) || (down.has(move.from) && down.has(move.to));
      var element = card(move.id);
      if (element && !kept) element.classList.add("lv-dim");
    });
    var node = nodes.get(id);
    up.delete(id);
    down.delete(id);
    panel.textContent = "";
    function add(tag, text, parent) {
      var element = document.createElement(tag);
      if (text !== undefined) element.textContent = text;
      (parent || panel).appendChild(element);
      return element;
    }
    var practice = new Set(node.practice || []);  // facts of a secondary source: italics
    function marked(element, fact) {
      if (practice.has(fact)) element.classList.add("lv-practice");
      return element;
    }
    marked(add("h2", node.name), "title");
    var meta = add("p", node.detail);
    meta.className = "lv-meta";
    if (practice.has("level") && node.level) {  // the level number in italics, the rest not
      meta.textContent = "";
      marked(add("span", node.level, meta), "level");
      add("span", node.detail.slice(node.level.length), meta);
    }
    if (node.summary) {
      var about = add("p", node.quoted ? "\u201c" + node.summary + "\u201d" : node.summary);
      about.className = "lv-summary";
      marked(about, "summary");
    }
    function list(heading, items, parent) {
      if (!items.length) return;
      add("h3", heading, parent);
      var ul = add("ul", undefined, parent);
      items.forEach(function (item) { marked(add("li", item, ul), item); });
    }
    list("Competencies", node.competencies || []);
    (node.expectations || []).forEach(function (area) { list(area[0], area[1]); });
    list("Also called", node.aliases || []);
    list("Reached from", titles(up));
    list("Leads to", titles(down));
    var goals = data.nodes.filter(function (other) { return routes[id + ">" + other.id]; });
    if (goals.length) {  // the answers of `ladder paths` and `ladder gap`, from the page's data
      add("h3", "Path to another role");
      var picker = add("select");
      picker.setAttribute("aria-label", "Show the quickest path from " + node.name + " to");
      var none = document.createElement("option");
      none.value = "";
      none.textContent = "Choose a role (or shift-click it)";
      picker.appendChild(none);
      goals.forEach(function (goal) {
        var option = document.createElement("option");
        option.value = goal.id;
        option.textContent = goal.name;
        picker.appendChild(option);
      });
      picker.addEventListener("change", function () { if (picker.value) route(id, picker.value); });
      routeBox = add("div");
      routeBox.className = "lv-route";
    }
    if (data.legend && practice.size) {
      var key = add("p", "Italics: " + data.legend);
      key.className = "lv-meta lv-practice";
    }
    panel.hidden = false;
  }
  var routes = data.routes || {}, routeBox = null;
  function route(from, to) {  // the quickest path from `from` to `to` and what it takes
    var found = routes[from + ">" + to];
    if (!found || !routeBox) return false;
    var picker = panel.querySelector("select");
    if (picker) picker.value = to;
    routeBox.textContent = "";
    var on = new Set(found.path);
    data.nodes.forEach(function (node) {
      var element = card(node.id);
      if (element) element.classList.toggle("lv-dim", !on.has(node.id));
    });
    var moves = new Set();
    for (var i = 1; i < found.path.length; i++) moves.add(found.path[i - 1] + ">" + found.path[i]);
    (data.moves || []).forEach(function (move) {
      var element = card(move.id);
      if (element) element.classList.toggle("lv-dim", !moves.has(move.from + ">" + move.to));
    });
    function add(tag, text, parent) {
      var element = document.createElement(tag);
      if (text !== undefined) element.textContent = text;
      (parent || routeBox).appendChild(element);
      return element;
    }
    add("p", "Quickest path to " + nodes.get(to).name + ": " + found.years).className = "lv-meta";
    var steps = add("ol");
    found.path.forEach(function (role) { add("li", nodes.get(role).name, steps); });
    add("h3", found.needed.length ? "To gain on the way" : "Nothing new to gain on the way");
    var gains = add("ul");
    found.needed.forEach(function (name) { add("li", name, gains); });
    return true;
  }

  /* --- clicks and keys on cards ------------------------------------------------------------ */
  function activate(id, shift) {
    if (data.kind === "ladder") {
      if (shift && selected && selected !== id && route(selected, id)) return;
      select(id);
      return;
    }
    if (collapsed.has(id)) expand(id); else collapse(id);
  }
  svg.querySelectorAll(".ladder-card").forEach(function (element) {
    if (!nodes.has(element.id)) return;
    element.setAttribute("tabindex", "0");
    if (data.kind !== "ladder" && children.has(element.id)) {
      element.setAttribute("aria-expanded", "true");
    }
  });
  stage.addEventListener("click", function (event) {
    if (moved) return;
    var element = event.target.closest(".ladder-card");
    if (element && nodes.has(element.id)) activate(element.id, event.shiftKey);
    else if (data.kind === "ladder") clearSelection();
  });
  stage.addEventListener("keydown", function (event) {
    var element = event.target.closest && event.target.closest(".ladder-card");
    if (element && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      activate(element.id);
    }
  });

  /* --- search ------------------------------------------------------------------------------- */
  var input = document.querySelector(".lv-search input");
  var results = document.querySelector(".lv-results");
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  data.nodes.forEach(function (node) {
    node.words = fold([node.name, node.detail].concat(node.aliases || []).join(" "));
  });
  var found = null;
  function reveal(id) {
    results.hidden = true;
    if (data.kind !== "ladder") revealUp(id);
    var element = card(id);
    if (!element) return;
    if (found) found.classList.remove("lv-found");
    found = element;
    element.classList.add("lv-found");
    centreOn(element);
    element.focus({ preventScroll: true });
    if (data.kind === "ladder" && selected !== id) select(id);
  }
  function search() {
    var query = fold(input.value.trim());
    results.textContent = "";
    if (!query) { results.hidden = true; return []; }
    var hits = data.nodes.filter(function (node) { return node.words.indexOf(query) >= 0; });
    hits.slice(0, 12).forEach(function (node, index) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", index === 0 ? "true" : "false");
      item.textContent = node.name + " ";
      var small = document.createElement("small");
      small.textContent = node.detail || "";
      item.appendChild(small);
      item.addEventListener("click", function () { reveal(node.id); });
      results.appendChild(item);
    });
    if (!hits.length) {
      var none = document.createElement("li");
      none.textContent = "nothing matches";
      results.appendChild(none);
    }
    results.hidden = false;
    return hits;
  }
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var hits = search();
      if (hits.length) reveal(hits[0].id);
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });

  /* --- buttons, theme, status --------------------------------------------------------------- */
  document.querySelector('[data-action="fit"]').addEventListener("click", fit);
  document.querySelector('[data-action="in"]').addEventListener("click", function () { zoom(0.7); });
  document.querySelector('[data-action="out"]').addEventListener("click", function () { zoom(1 / 0.7); });
  var expandAll = document.querySelector('[data-action="expand"]');
  var collapseAll = document.querySelector('[data-action="collapse"]');
  if (data.kind === "ladder") {
    expandAll.hidden = true;
    collapseAll.hidden = true;
  } else {
    expandAll.addEventListener("click", function () {
      Array.from(collapsed).forEach(expand);
    });
    collapseAll.addEventListener("click", function () {  // down to the top two levels
      data.nodes.forEach(function (node) {
        var parent = node.parent && nodes.get(node.parent);
        if (parent && !parent.parent && children.has(node.id)) collapse(node.id);
      });
    });
  }
  var themes = ["auto", "light", "dark"];
  var themeButton = document.querySelector('[data-action="theme"]');
  function setTheme(theme) {
    if (theme === "auto") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    themeButton.textContent = "Theme: " + theme;
  }
  themeButton.addEventListener("click", function () {
    var now = document.documentElement.dataset.theme || "auto";
    setTheme(themes[(themes.indexOf(now) + 1) % themes.length]);
  });
  ladderFollowDocsTheme(setTheme);
  function count() {
    var hidden = svg.querySelectorAll(".ladder-card.lv-hidden").length;
    var total = data.nodes.length;
    status.textContent = total + " " + (data.kind === "ladder" ? "roles" : "cards") +
      (hidden ? " · " + hidden + " collapsed" : "");
  }
  count();
  show();
})();
