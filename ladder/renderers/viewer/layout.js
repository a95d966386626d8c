/* ladder's org layout, in the page: the rules of ladder/layout (blocks.py, place.py, tidy.py,
   routes.py) for the `tree` and `compact` modes, run on the cards that are visible. Each
   function below is named after the Python one it follows and does the same arithmetic in the
   same order, so a fully opened chart lands on the same pixels as `--format json`
   (tests/test_explorer_layout.py checks it). Linear in the visible cards; no recursion, so a
   deep chain cannot overflow the stack.

   Differences by design (tests say so): `auto` and `stacked` are drawn as `compact` (lists
   and the plan search are for static pages; the page opens teams one by one instead);
   `align_levels` is ignored; a dotted line is a plain elbow from one card to the other, not
   routed around everything; a closed manager is a spread card with no reports. */
var LadderLayout = (function () {
  "use strict";
  var ROOT = 0, CARD = 1, STACK_ROW = 2, PASS = 4, TRUNK = 5;
  var THIN = 2.0;
  var SPREAD = 0, STACK = 1, ASSIST = 3, BANDED = 5, BANDED_STACK = 6;
  var BAND_MIN = 12;

  function pyRound(value) {  // Python's round(): halves go to the even neighbour
    var floor = Math.floor(value), rest = value - floor;
    if (rest > 0.5) return floor + 1;
    if (rest < 0.5) return floor;
    return floor % 2 === 0 ? floor : floor + 1;
  }
  function sumWidths(blocks) {
    var total = 0;
    for (var i = 0; i < blocks.length; i++) total += blocks[i][0];
    return total;
  }
  function maxRows(blocks) {
    var most = 0;
    for (var i = 0; i < blocks.length; i++) if (blocks[i][1] > most) most = blocks[i][1];
    return most;
  }

  /* --- blocks.py ------------------------------------------------------------------------- */
  var offsetMemo = new Map();
  function stackOffsets(count, columns, s) {  // memoised: one style per page
    var key = count + "/" + columns, known = offsetMemo.get(key);
    if (known === undefined) { known = computeOffsets(count, columns, s); offsetMemo.set(key, known); }
    return known;
  }
  function computeOffsets(count, columns, s) {
    var width = s.width, gap = s.sibling_gap, spineGap = s.spine_gap;
    var leftColumns = Math.floor(columns / 2), places = [], i;
    for (i = 0; i < leftColumns; i++) places.push([i, 0, -spineGap - width - i * (width + gap)]);
    for (i = 0; i < columns - leftColumns; i++) places.push([i, 1, spineGap + i * (width + gap)]);
    places.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return places.slice(0, count).map(function (p) { return p[2]; })
      .sort(function (a, b) { return a - b; });
  }
  var widthMemo = new Map();
  function stackWidth(columns, s) {
    var known = widthMemo.get(columns);
    if (known === undefined) { known = computeStackWidth(columns, s); widthMemo.set(columns, known); }
    return known;
  }
  function computeStackWidth(columns, s) {
    var offsets = stackOffsets(columns, columns, s);
    return Math.max(offsets[offsets.length - 1] + s.width, 0.0) - Math.min(offsets[0], 0.0);
  }
  function stackCount(leaves, columns, s) {
    if (leaves <= columns) return 1;
    var across = stackWidth(columns, s) + s.sibling_gap;
    return Math.max(1, pyRound(Math.sqrt(leaves * s.pitch / (columns * across))));
  }
  function stackStep(leaves, columns, s, rows) {
    if (!rows) rows = Math.ceil(leaves / (stackCount(leaves, columns, s) * columns));
    return rows * columns;
  }
  function stackGroups(leaves, columns, s, rows) {
    var step = stackStep(leaves.length, columns, s, rows), groups = [];
    for (var start = 0; start < leaves.length; start += step) {
      groups.push(leaves.slice(start, start + step));
    }
    return groups;
  }
  function leafRows(spread) {
    if (spread.length <= BAND_MIN) return 0;
    var depths = spread.map(function (b) { return b[1]; }).sort(function (a, b) { return a - b; });
    return Math.max(2, depths[Math.floor(depths.length / 2)]);
  }
  function arrange(blocks, s) {
    var count = blocks.length, order = [], i;
    for (i = 0; i < count; i++) order.push(i);
    var gap = s.sibling_gap;
    var total = sumWidths(blocks) + gap * count;
    var area = 0;
    for (i = 0; i < count; i++) area += (blocks[i][0] + gap) * blocks[i][1] * s.pitch;
    var side = Math.sqrt(area);
    if (count <= BAND_MIN || total <= side) return [order, [count]];
    order.sort(function (a, b) { return blocks[b][1] - blocks[a][1]; });  // stable
    var target = Math.max(side, BAND_MIN * (s.width + gap));
    var lengths = [0], used = 0.0;
    for (i = 0; i < count; i++) {
      var width = blocks[order[i]][0] + gap;
      if (lengths[lengths.length - 1] && used + width > target) {
        lengths.push(0);
        used = 0.0;
      }
      lengths[lengths.length - 1] += 1;
      used += width;
    }
    return [order, lengths];
  }
  function trunkPlace(widths, drift, gap) {
    var total = 0, i;
    for (i = 0; i < widths.length; i++) total += widths[i];
    total += gap * widths.length;
    var best = null, left = 0.0;
    for (var index = 0; index <= widths.length; index++) {
      var shifted = drift + left - total / 2;
      if (best === null || Math.abs(shifted) < best[0]) best = [Math.abs(shifted), index, shifted];
      if (index < widths.length) left += widths[index] + gap;
    }
    return [best[1], best[2]];
  }
  function stackRows(leaves, columns) { return Math.ceil(leaves / columns); }
  function leafBlockSizes(leaves, columns, s, rows) {
    var sizes = [], i;
    if (leaves <= columns) {
      for (i = 0; i < leaves; i++) sizes.push([s.width, 1]);
      return sizes;
    }
    var step = stackStep(leaves, columns, s, rows);
    var full = Math.floor(leaves / step), rest = leaves % step;
    var across = stackWidth(columns, s);
    for (i = 0; i < full; i++) sizes.push([across, Math.floor(step / columns)]);
    if (rest) sizes.push([across, stackRows(rest, columns)]);
    return sizes;
  }
  function blocksSize(blocks, own, s) {
    var gap = s.sibling_gap;
    if (blocks.length <= BAND_MIN) {
      return [Math.max(own, sumWidths(blocks) + gap * (blocks.length - 1)), 1 + maxRows(blocks)];
    }
    var widest = own, rows = 1, start = 0;
    var arranged = arrange(blocks, s), order = arranged[0], lengths = arranged[1];
    for (var b = 0; b < lengths.length; b++) {
      var band = [];
      for (var i = start; i < start + lengths[b]; i++) band.push(blocks[order[i]]);
      start += lengths[b];
      widest = Math.max(widest, sumWidths(band) + gap * (lengths[b] - 1));
      rows += maxRows(band);
    }
    return [widest, rows];
  }

  /* measure(): (width, rows) of every visible manager's subtree, bottom-up over managers. */
  function measure(tree, s, columns, stackLeaves) {
    var widthOf = new Float64Array(tree.count).fill(s.width), rowsOf = new Int32Array(tree.count).fill(1);
    var card = s.width, gap = s.sibling_gap;
    function width(r) { return widthOf[r]; }  // a card that shows no reports: one card, one row
    function rows(r) { return rowsOf[r]; }
    var leafTotals = new Map();
    for (var b = 0; b < tree.bosses.length; b++) {
      var person = tree.bosses[b];
      var own = card + tree.assistants[person].length * (card + gap);
      var below = tree.reports[person];
      if (!below.length) { widthOf[person] = own; rowsOf[person] = 1; continue; }
      var blocks;
      if (stackLeaves) {
        var mine = below.filter(function (r) { return tree.manages[r]; });
        var leafCount = below.length - mine.length;
        if (mine.length <= BAND_MIN) {
          var totals = leafTotals.get(leafCount);  // spans repeat: as measure() does
          if (totals === undefined) {
            var leaves = leafBlockSizes(leafCount, columns, s, 0);
            totals = [leaves.length, sumWidths(leaves), maxRows(leaves)];
            leafTotals.set(leafCount, totals);
          }
          var count = totals[0], leafWidth = totals[1], leafDepth = totals[2];
          if (mine.length + count <= BAND_MIN) {
            var total = 0, depth = 0, i;
            for (i = 0; i < mine.length; i++) total += width(mine[i]);
            for (i = 0; i < mine.length; i++) depth = Math.max(depth, rows(mine[i]));
            widthOf[person] = Math.max(own, total + leafWidth + gap * (mine.length + count - 1));
            rowsOf[person] = 1 + Math.max(leafDepth, depth);
            continue;
          }
        }
        var spread = mine.map(function (r) { return [width(r), rows(r)]; });
        var cut = Math.floor(spread.length / 2);
        blocks = spread.slice(0, cut).concat(leafBlockSizes(leafCount, columns, s,
                                                            leafRows(spread)), spread.slice(cut));
      } else {
        blocks = below.map(function (r) { return tree.manages[r] ? [width(r), rows(r)] : [card, 1]; });
      }
      var size = blocksSize(blocks, own, s);
      widthOf[person] = size[0];
      rowsOf[person] = size[1];
    }
    return [widthOf, rowsOf];
  }

  /* --- tidy.py: Buchheim, Jünger and Leipert's linear Walker ---------------------------- */
  function tidyX(children, left, right, siblingGap, cousinGap) {
    var count = children.length;
    if (!count) return [];
    var parent = new Int32Array(count).fill(-1), number = new Int32Array(count);
    var order = [], stack = [0], i;
    while (stack.length) {
      var node = stack.pop();
      order.push(node);
      var kids = children[node];
      for (i = 0; i < kids.length; i++) { parent[kids[i]] = node; number[kids[i]] = i; }
      for (i = 0; i < kids.length; i++) stack.push(kids[i]);
    }
    var prelim = new Float64Array(count), modifier = new Float64Array(count);
    var shift = new Float64Array(count), change = new Float64Array(count);
    var thread = new Int32Array(count).fill(-1), ancestor = new Int32Array(count);
    var defaultAncestor = new Int32Array(count).fill(-1);
    for (i = 0; i < count; i++) ancestor[i] = i;
    function separation(a, b) {
      return right[a] + left[b] + (parent[a] === parent[b] ? siblingGap : cousinGap);
    }
    function nextLeft(v) { var k = children[v]; return k.length ? k[0] : thread[v]; }
    function nextRight(v) { var k = children[v]; return k.length ? k[k.length - 1] : thread[v]; }
    function apportion(v, w, dflt) {
      var innerPlus = v, outerPlus = v, innerMinus = w, outerMinus = children[parent[v]][0];
      var sumIp = modifier[innerPlus], sumOp = modifier[outerPlus];
      var sumIm = modifier[innerMinus], sumOm = modifier[outerMinus];
      for (;;) {
        innerMinus = nextRight(innerMinus);
        innerPlus = nextLeft(innerPlus);
        if (innerMinus < 0 || innerPlus < 0) break;
        outerMinus = nextLeft(outerMinus);
        outerPlus = nextRight(outerPlus);
        ancestor[outerPlus] = v;
        var gap = (prelim[innerMinus] + sumIm) - (prelim[innerPlus] + sumIp) +
          separation(innerMinus, innerPlus);
        if (gap > 0) {
          var mover = ancestor[innerMinus];
          if (parent[mover] !== parent[v]) mover = dflt;
          var subtrees = number[v] - number[mover];
          change[v] -= gap / subtrees;
          shift[v] += gap;
          change[mover] += gap / subtrees;
          prelim[v] += gap;
          modifier[v] += gap;
          sumIp += gap;
          sumOp += gap;
        }
        sumIm += modifier[innerMinus];
        sumIp += modifier[innerPlus];
        sumOm += modifier[outerMinus];
        sumOp += modifier[outerPlus];
      }
      if (innerMinus >= 0 && nextRight(outerPlus) < 0) {
        thread[outerPlus] = innerMinus;
        modifier[outerPlus] += sumIm - sumOp;
      }
      if (innerPlus >= 0 && nextLeft(outerMinus) < 0) {
        thread[outerMinus] = innerPlus;
        modifier[outerMinus] += sumIp - sumOm;
        dflt = v;
      }
      return dflt;
    }
    for (var o = order.length - 1; o >= 0; o--) {
      var v = order[o], kidsV = children[v], midpoint = 0;
      if (kidsV.length) {
        var totalShift = 0.0, totalChange = 0.0;
        for (i = kidsV.length - 1; i >= 0; i--) {
          var kid = kidsV[i];
          prelim[kid] += totalShift;
          modifier[kid] += totalShift;
          totalChange += change[kid];
          totalShift += shift[kid] + totalChange;
        }
        midpoint = (prelim[kidsV[0]] + prelim[kidsV[kidsV.length - 1]]) / 2;
      }
      var p = parent[v];
      if (p < 0) {
        if (kidsV.length) prelim[v] = midpoint;
        continue;
      }
      var w = number[v] ? children[p][number[v] - 1] : -1;
      if (kidsV.length) {
        if (w >= 0) {
          prelim[v] = prelim[w] + separation(w, v);
          modifier[v] = prelim[v] - midpoint;
        } else {
          prelim[v] = midpoint;
        }
      } else if (w >= 0) {
        prelim[v] = prelim[w] + separation(w, v);
      }
      if (w >= 0) {
        var start = defaultAncestor[p];
        defaultAncestor[p] = apportion(v, w, start >= 0 ? start : children[p][0]);
      }
    }
    var x = new Float64Array(count), offset = new Float64Array(count), base = -prelim[0];
    for (i = 0; i < order.length; i++) {
      var u = order[i], pu = parent[u];
      var above = pu >= 0 ? offset[pu] + modifier[pu] : base;
      offset[u] = above;
      x[u] = prelim[u] + above;
    }
    return x;
  }

  /* --- place.py: units for the tidy tree, and positions read back ------------------------ */
  function place(tree, mode, columns, s) {
    var stackLeaves = mode !== "tree";
    var count = tree.count;
    var units = { children: [[]], left: [0.0], right: [0.0], kind: [ROOT], row: [-1],
                  person: [-1], stackRows: new Map(), trunkBand: new Map() };
    function add(parent, kind, left, right, person) {
      var n = units.kind.length;
      units.children.push([]);
      units.left.push(left);
      units.right.push(right);
      units.kind.push(kind);
      units.row.push(units.row[parent] + 1);
      units.person.push(person === undefined ? -1 : person);
      units.children[parent].push(n);
      return n;
    }
    function descend(parent, targetRow) {
      while (units.row[parent] + 1 < targetRow) parent = add(parent, PASS, THIN, THIN);
      return parent;
    }
    var edgeKind = new Int8Array(count), bandOf = new Map();
    var sizes = measure(tree, s, columns, stackLeaves);
    function blockSize(block) {
      if (block.leaves) return [stackWidth(columns, s), stackRows(block.leaves.length, columns)];
      return [sizes[0][block.person], sizes[1][block.person]];
    }
    function cardItem(person, parent) { return { person: person, parent: parent, band: 1, trunk: null }; }
    function blocksOf(person, unit) {
      var reports = tree.reports[person];
      if (!stackLeaves) return reports.map(function (k) { return cardItem(k, unit); });
      var below = units.row[unit] + 1, spread = [], leaves = [];
      reports.forEach(function (r) { if (tree.manages[r]) spread.push(cardItem(r, unit)); else leaves.push(r); });
      var middle = [];
      var rows = leafRows(spread.map(blockSize));
      if (leaves.length > columns) {
        stackGroups(leaves, columns, s, rows).forEach(function (group) {
          middle.push({ leaves: group, parent: unit, row: below, band: 1, trunk: null });
        });
      } else {
        leaves.forEach(function (k) { middle.push(cardItem(k, unit)); });
      }
      var cut = Math.floor(spread.length / 2);
      return spread.slice(0, cut).concat(middle, spread.slice(cut));
    }
    function banded(person, unit, blocks, lengths) {
      var work = [], trunk = null, start = 0, drift = 0.0;
      for (var b = 0; b < lengths.length; b++) {
        var band = b + 1, members = blocks.slice(start, start + lengths[b]);
        start += lengths[b];
        members.forEach(function (block) { block.band = band; block.trunk = trunk; });
        if (band === lengths.length) return work.concat(members);
        var measured = members.map(blockSize);
        var depth = maxRows(measured);
        var placed = trunkPlace(measured.map(function (m) { return m[0]; }), drift, s.sibling_gap);
        drift = placed[1];
        trunk = { manager: person, parent: unit, depth: depth, band: band + 1, above: trunk,
                  hub: -1, isTrunk: true };
        work = work.concat(members.slice(0, placed[0]), [trunk], members.slice(placed[0]));
      }
      return work;
    }
    function cardWork(item) {
      var person = item.person;
      var parent = item.trunk ? item.trunk.hub : item.parent;
      var half = s.width / 2;
      var extra = tree.assistants[person].length * (s.width + s.sibling_gap);
      var unit = add(parent, CARD, half, half + extra, person);
      if (item.band > 1) { edgeKind[person] = BANDED; bandOf.set(person, item.band); }
      if (!tree.reports[person].length) return [];
      var blocks = blocksOf(person, unit);
      var arranged = arrange(blocks.map(blockSize), s);
      if (arranged[1].length === 1) return blocks;
      return banded(person, unit, arranged[0].map(function (i) { return blocks[i]; }), arranged[1]);
    }
    function trunkWork(item) {
      var chain = add(item.above ? item.above.hub : item.parent, PASS, THIN, THIN);
      for (var i = 0; i < item.depth - 1; i++) chain = add(chain, PASS, THIN, THIN);
      units.kind[chain] = TRUNK;
      units.person[chain] = item.manager;
      units.trunkBand.set(chain, item.band);
      item.hub = chain;
    }
    function stackWork(item) {
      var parent = item.trunk ? item.trunk.hub : item.parent;
      var chain = item.row >= 0 ? descend(parent, item.row) : parent;
      var kind = item.band === 1 ? STACK : BANDED_STACK;
      for (var start = 0; start < item.leaves.length; start += columns) {
        var members = item.leaves.slice(start, start + columns);
        var offsets = stackOffsets(members.length, columns, s);
        chain = add(chain, STACK_ROW, Math.max(THIN, -offsets[0]),
                    Math.max(THIN, offsets[offsets.length - 1] + s.width));
        units.stackRows.set(chain, { members: members, offsets: offsets });
        for (var m = 0; m < members.length; m++) {
          edgeKind[members[m]] = kind;
          if (item.band > 1) bandOf.set(members[m], item.band);
        }
      }
    }
    var work = [];
    for (var r = tree.roots.length - 1; r >= 0; r--) work.push(cardItem(tree.roots[r], 0));
    while (work.length) {
      var item = work.pop();
      if (item.isTrunk) trunkWork(item);
      else if (item.leaves) stackWork(item);
      else {
        var next = cardWork(item);
        for (var n = next.length - 1; n >= 0; n--) work.push(next[n]);
      }
    }
    var xs = tidyX(units.children, units.left, units.right, s.sibling_gap, s.cousin_gap);
    return readBack(tree, units, xs, s, edgeKind, bandOf, mode);
  }

  function readBack(tree, units, xs, s, edgeKind, bandOf, mode) {
    var count = tree.count, width = s.width, pitch = s.pitch;
    var px = new Float64Array(count), py = new Float64Array(count);
    var edgeVia = new Float64Array(count), bands = new Map();
    var kinds = units.kind, rows = units.row, people = units.person, maxRow = 0;
    for (var unit = 1; unit < kinds.length; unit++) {
      var kind = kinds[unit], top = rows[unit] * pitch, person;
      if (rows[unit] > maxRow) maxRow = rows[unit];
      if (kind === CARD) {
        person = people[unit];
        px[person] = xs[unit] - width / 2;
        py[person] = top;
        var helpers = tree.assistants[person];
        for (var a = 0; a < helpers.length; a++) {
          px[helpers[a]] = xs[unit] + width / 2 + s.sibling_gap + a * (width + s.sibling_gap);
          py[helpers[a]] = top;
          edgeKind[helpers[a]] = ASSIST;
        }
      } else if (kind === STACK_ROW) {
        var stack = units.stackRows.get(unit), spine = xs[unit];
        for (var m = 0; m < stack.members.length; m++) {
          px[stack.members[m]] = spine + stack.offsets[m];
          py[stack.members[m]] = top;
          edgeVia[stack.members[m]] = spine;
        }
      } else if (kind === TRUNK) {
        var bus = (rows[unit] + 1) * pitch - s.level_gap / 2;
        if (!bands.has(people[unit])) bands.set(people[unit], []);
        bands.get(people[unit]).push([xs[unit], bus]);
      }
    }
    var least = Infinity, most = -Infinity, i;
    for (i = 0; i < count; i++) { if (px[i] < least) least = px[i]; }
    var shift = count ? -least : 0.0;
    if (shift) {
      for (i = 0; i < count; i++) { px[i] += shift; edgeVia[i] += shift; }
      bands.forEach(function (line) { line.forEach(function (point) { point[0] += shift; }); });
    }
    for (i = 0; i < count; i++) { if (px[i] > most) most = px[i]; }
    return { tree: tree, x: px, y: py, edgeKind: edgeKind, edgeVia: edgeVia, bands: bands,
             bandOf: bandOf, mode: mode, style: s,
             width: count ? most + width : 0, height: count ? maxRow * pitch + s.height : 0 };
  }

  /* --- routes.py: the elbow connector from a manager to a report ------------------------- */
  function route(chart, person) {
    var s = chart.style, width = s.width, height = s.height;
    var boss = chart.tree.manager[person];
    var bossX = chart.x[boss], bossY = chart.y[boss], x = chart.x[person], y = chart.y[person];
    var kind = chart.edgeKind[person];
    if (kind === ASSIST) return [[bossX + width, bossY + height / 2], [x, y + height / 2]];
    var topX = bossX + width / 2, bottom = bossY + height, bus = bottom + s.level_gap / 2;
    var points = [[topX, bottom], [topX, bus]];
    if (kind === BANDED || kind === BANDED_STACK) {
      var trunks = chart.bands.get(boss), band = chart.bandOf.get(person);
      for (var t = 0; t < band - 1; t++) {
        points.push([trunks[t][0], bus], [trunks[t][0], trunks[t][1]]);
        bus = trunks[t][1];
      }
    }
    if (kind === STACK || kind === BANDED_STACK) {
      var spine = chart.edgeVia[person], middle = y + height / 2;
      var side = x + width <= spine ? x + width : x;
      points.push([spine, bus], [spine, middle], [side, middle]);
    } else {
      var centre = x + width / 2;
      points.push([centre, bus], [centre, y]);
    }
    return simplified(points);
  }
  function simplified(points) {
    var kept = [];
    for (var i = 0; i < points.length; i++) {
      var point = points[i], last = kept[kept.length - 1];
      if (last && point[0] === last[0] && point[1] === last[1]) continue;
      if (kept.length >= 2) {
        var a = kept[kept.length - 2];
        if ((a[0] === last[0] && last[0] === point[0]) || (a[1] === last[1] && last[1] === point[1])) {
          kept[kept.length - 1] = point;
          continue;
        }
      }
      kept.push(point);
    }
    return kept;
  }
  /* Dotted lines, routed as ladder/layout/dotted.py routes them (same rules, same order, so
     the page draws what --format svg draws): each from the dotted-line manager's card (the
     arrowhead end) to the person's, through a port of its own on a card edge, on a track of
     its own in a gutter, down a channel of its own clear of cards and solid lines. */
  var GAP = 3, PORT_FROM_RIGHT = 22, BADGE_HALF = 75, PORT_STEP = 8;
  function portOffsets(width, indent) {
    var low = indent / 2 + 2 * GAP, high = width - PORT_FROM_RIGHT, centre = width / 2;
    var taken = new Set(), ordered = [];
    for (var level = 0; level < 8; level++) {
      var step = PORT_STEP / Math.pow(2, level), all = [], k;
      for (k = 0; k < Math.trunc((high - centre) / step) + 1; k++) all.push(high - step * k);
      for (k = 1; k < Math.trunc((centre - low) / step) + 1; k++) all.push(centre - step * k);
      var fresh = all.filter(function (o) { return !taken.has(o) && Math.abs(o - centre) >= GAP; });
      fresh.forEach(function (o) { taken.add(o); ordered.push(o); });
    }
    return ordered;
  }
  function trackOffsets(gutter) {
    var taken = new Set(), ordered = [];
    for (var level = 0; level < 6; level++) {
      var step = GAP / Math.pow(2, level), fresh = [];
      for (var k = 0; k < Math.trunc((gutter - 2 * GAP) / step) + 1; k++) {
        var o = GAP + step * k;
        if (!taken.has(o) && Math.abs(o - gutter / 2) >= GAP && o <= gutter - GAP) fresh.push(o);
      }
      fresh.forEach(function (o) { taken.add(o); });
      fresh.sort(function (a, b) {
        return (Math.abs(a - 0.75 * gutter) - Math.abs(b - 0.75 * gutter)) || (a - b);
      });
      ordered = ordered.concat(fresh);
    }
    return ordered;
  }
  function bisectRight(list, x) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (x < list[mid]) hi = mid; else lo = mid + 1; }
    return lo;
  }
  function solidObstacles(chart) {  // per zone, merged x intervals near a card or solid line
    var s = chart.style, pitch = s.pitch, height = s.height, width = s.width, raw = new Map();
    function add(zone, span) { if (!raw.has(zone)) raw.set(zone, []); raw.get(zone).push(span); }
    var count = chart.tree.count, p;
    for (p = 0; p < count; p++) add(2 * Math.round(chart.y[p] / pitch), [chart.x[p] - GAP, chart.x[p] + width + GAP]);
    var seen = new Set();
    for (p = 0; p < count; p++) {
      if (chart.tree.manager[p] < 0) continue;
      var points = route(chart, p);
      for (var q = 1; q < points.length; q++) {
        var x1 = points[q - 1][0], y1 = points[q - 1][1], x2 = points[q][0], y2 = points[q][1];
        if (x1 !== x2 || y1 === y2) continue;
        var top = Math.min(y1, y2) + 1e-6, bottom = Math.max(y1, y2) - 1e-6;
        var first = 2 * Math.floor(top / pitch) + (top % pitch > height ? 1 : 0);
        var last = 2 * Math.floor(bottom / pitch) + (bottom % pitch > height ? 1 : 0);
        for (var zone = first; zone <= last; zone++) {
          var key = x1 + "@" + zone;
          if (!seen.has(key)) { seen.add(key); add(zone, [x1 - GAP, x1 + GAP]); }
        }
      }
    }
    var merged = new Map();
    raw.forEach(function (spans, zone) {
      spans.sort(function (a, b) { return (a[0] - b[0]) || (a[1] - b[1]); });
      var starts = [], ends = [];
      spans.forEach(function (span) {
        if (ends.length && span[0] <= ends[ends.length - 1]) {
          ends[ends.length - 1] = Math.max(ends[ends.length - 1], span[1]);
        } else { starts.push(span[0]); ends.push(span[1]); }
      });
      merged.set(zone, [starts, ends]);
    });
    return merged;
  }
  function routeDotted(chart, pairs) {
    var s = chart.style, pitch = s.pitch, cardHeight = s.height;
    var maxY = 0;
    for (var c = 0; c < chart.tree.count; c++) maxY = Math.max(maxY, chart.y[c]);
    var rows = Math.max(chart.tree.count ? Math.round(maxY / pitch) + 1 : 0, 1);
    var rightEdge = chart.width, bottomEdge = chart.height;
    var solid = solidObstacles(chart), vertical = new Map(), tracks = new Map(), ports = new Map();
    var offsets = trackOffsets(s.level_gap), all = portOffsets(s.width, s.indent);
    var bottomPorts = all.filter(function (o) { return Math.abs(o - s.width / 2) >= BADGE_HALF; })
      .concat(all.filter(function (o) { return Math.abs(o - s.width / 2) < BADGE_HALF; }));
    var portsOf = { top: all, bottom: bottomPorts };
    function rowOf(p) { return Math.round(chart.y[p] / pitch); }
    function zone(y) {
      var row = Math.floor(y / pitch), within = y - row * pitch;
      return 2 * row + (within > cardHeight ? 1 : 0);
    }
    function zones(top, bottom) {
      var out = [];
      for (var z = zone(top + 1e-6); z <= zone(bottom - 1e-6); z++) out.push(z);
      return out;
    }
    function solidClear(x, y1, y2) {
      var list = zones(Math.min(y1, y2), Math.max(y1, y2));
      for (var z = 0; z < list.length; z++) {
        var blocked = solid.get(list[z]);
        if (!blocked) continue;
        var i = bisectRight(blocked[0], x) - 1;
        if (i >= 0 && blocked[0][i] < x && x < blocked[1][i]) return false;
      }
      return true;
    }
    function legIsFree(x, cardY, y) {
      var top = Math.min(cardY, y), bottom = Math.max(cardY, y), list = zones(top, bottom);
      for (var z = 0; z < list.length; z++) {
        var runs = vertical.get(list[z]) || [];
        for (var r = 0; r < runs.length; r++) {
          var other = runs[r];
          var near = other[0] === x || (Math.abs(other[0] - x) < GAP && cardY !== other[1] && cardY !== other[2]);
          if (near && other[1] < bottom && top < other[2]) return false;
        }
      }
      return true;
    }
    function port(person, edge, take, skip) {
      var key = person + edge;
      if (!ports.has(key)) ports.set(key, new Set());
      var used = ports.get(key), cardX = chart.x[person];
      var cardY = chart.y[person] + (edge === "top" ? 0 : cardHeight);
      var farY = cardY + (edge === "top" ? -1 : 1) * s.level_gap;
      var list = portsOf[edge], offset = null, passed = 0, o;
      for (o = 0; o < list.length; o++) {
        if (used.has(list[o])) continue;
        if (legIsFree(cardX + list[o], cardY, farY) && solidClear(cardX + list[o], cardY, farY)) {
          if (passed === (skip || 0)) { offset = list[o]; break; }
          passed++;
        }
      }
      if (offset === null) {  // every leg meets another: the first free port
        var unused = list.filter(function (v) { return !used.has(v); });
        offset = unused[Math.min(skip || 0, unused.length - 1)];
      }
      if (take !== false) used.add(offset);
      return cardX + offset;
    }
    function track(gutter, x1, x2, ends, required) {
      var left = Math.min(x1, x2), right = Math.max(x1, x2), top = gutter * pitch + cardHeight;
      var belowAll = gutter >= rows - 1, limit = belowAll ? 100000 : offsets.length;
      for (var k = 0; k < limit; k++) {
        var y = top + (belowAll ? GAP * (k + 1) : offsets[k]), taken = tracks.get(y) || [], clash = false;
        for (var t = 0; t < taken.length; t++) {
          if (taken[t][0] < right + GAP && left < taken[t][1] + GAP) { clash = true; break; }
        }
        if (clash) continue;
        if (ends.every(function (end) { return legIsFree(end[0], end[1], y) && solidClear(end[0], end[1], y); })) return y;
      }
      return required === false ? null : top + offsets[0];
    }
    function sweep(list, x, direction, top, bottom) {
      var moved = true;
      while (moved) {
        moved = false;
        for (var z = 0; z < list.length; z++) {
          var blocked = solid.get(list[z]);
          if (blocked) {
            var i = bisectRight(blocked[0], x) - 1;
            if (i >= 0 && x < blocked[1][i] && blocked[0][i] < x) {
              x = direction > 0 ? blocked[1][i] : blocked[0][i];
              moved = true;
            }
          }
          var runs = vertical.get(list[z]) || [];
          for (var r = 0; r < runs.length; r++) {
            if (Math.abs(runs[r][0] - x) < GAP && runs[r][1] < bottom && top < runs[r][2]) {
              x = runs[r][0] + GAP * direction;
              moved = true;
            }
          }
        }
        if (direction < 0 && x < GAP) return x;
      }
      return x;
    }
    function channel(top, bottom, near, toward) {
      var list = zones(top, bottom), best = null;
      [1, -1].forEach(function (direction) {
        var x = sweep(list, near, direction, top, bottom);
        if (GAP <= x) {
          var key = [Math.abs(x - near), Math.abs(x - toward), x];
          if (!best || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] ||
              (key[1] === best[1] && key[2] < best[2])))) best = key;
        }
      });
      if (best[2] + GAP > rightEdge) rightEdge = best[2] + GAP;
      return best[2];
    }
    function register(points) {
      for (var q = 1; q < points.length; q++) {
        var x1 = points[q - 1][0], y1 = points[q - 1][1], x2 = points[q][0], y2 = points[q][1];
        if (y1 === y2 && x1 !== x2) {
          if (!tracks.has(y1)) tracks.set(y1, []);
          tracks.get(y1).push([Math.min(x1, x2), Math.max(x1, x2)]);
        } else if (x1 === x2 && y1 !== y2) {
          var top = Math.min(y1, y2), bottom = Math.max(y1, y2);
          zones(top, bottom).forEach(function (z) {
            if (!vertical.has(z)) vertical.set(z, []);
            vertical.get(z).push([x1, top, bottom]);
          });
        }
        if (Math.max(y1, y2) + GAP > bottomEdge) bottomEdge = Math.max(y1, y2) + GAP;
      }
    }
    function alongRow(upper, lower, edge, gutter, required) {
      var upperX = port(upper, edge, false), lowerX = port(lower, edge, false, upper === lower ? 1 : 0);
      var cardEdge = chart.y[upper] + (edge === "top" ? 0 : cardHeight);
      var y = track(gutter, upperX, lowerX, [[upperX, cardEdge], [lowerX, cardEdge]], required);
      if (y === null) return null;
      port(upper, edge);
      port(lower, edge);
      return [[upperX, cardEdge], [upperX, y], [lowerX, y], [lowerX, cardEdge]];
    }
    function one(source, target) {
      var upper = source, lower = target;
      if (rowOf(lower) < rowOf(upper)) { upper = target; lower = source; }
      var topRow = rowOf(upper), bottomRow = rowOf(lower), points = null;
      if (topRow === bottomRow) {
        var ways = [["bottom", topRow]];
        if (topRow > 0) ways.splice(topRow === rows - 1 ? 0 : 1, 0, ["top", topRow - 1]);
        for (var w = 0; w < ways.length && points === null; w++) {
          points = alongRow(upper, lower, ways[w][0], ways[w][1], false);
        }
        if (points === null) points = alongRow(upper, lower, ways[0][0], ways[0][1], true);
      } else {
        var upperX = port(upper, "bottom"), lowerX = port(lower, "top");
        var start = [upperX, chart.y[upper] + cardHeight], end = [lowerX, chart.y[lower]];
        if (bottomRow === topRow + 1) {
          var y = track(topRow, upperX, lowerX, [start, end]);
          points = [start, [upperX, y], [lowerX, y], end];
        } else {
          var gutterTop = topRow * pitch + cardHeight, gutterBottom = (bottomRow - 1) * pitch + cardHeight;
          var x = channel(gutterTop, gutterBottom + s.level_gap, lowerX, upperX);
          var first = track(topRow, upperX, x, [start]), second = track(bottomRow - 1, x, lowerX, [end]);
          points = [start, [upperX, first], [x, first], [x, second], [lowerX, second], end];
        }
      }
      register(points);
      if (upper !== source) points.reverse();
      return simplified(points);
    }
    var routes = pairs.map(function (pair) { return one(pair[0], pair[1]); });
    chart.width = Math.max(chart.width, rightEdge);
    chart.height = Math.max(chart.height, bottomEdge);
    return routes;
  }

  /* The visible tree as index arrays (tree.py's OrgTree): `people` lists the global indices
     shown, in input order of their managers' kids; `kidsOf(global)` gives a global person's
     visible kids, in input order; `manages(global)`: has reports in the whole org (a closed
     manager stays a spread card); `beside(global)`: an assistant drawn beside its manager. */
  function visibleTree(roots, kidsOf, manages, beside, total) {
    var local = new Int32Array(total), people = [], manager = [], kids = [];
    var pending = roots.slice().reverse(), order = [];
    roots.forEach(function (g) { local[g] = people.length; people.push(g); manager.push(-1); kids.push([]); });
    while (pending.length) {
      var g = pending.pop(), me = local[g];
      order.push(me);
      var below = kidsOf(g);
      for (var i = 0; i < below.length; i++) {
        var n = people.length;
        local[below[i]] = n;
        people.push(below[i]);
        manager.push(me);
        kids.push([]);
        kids[me].push(n);
      }
      for (var j = below.length - 1; j >= 0; j--) pending.push(below[j]);
    }
    var count = people.length, reports = [], assistants = [], managesLocal = new Uint8Array(count);
    for (var p = 0; p < count; p++) {
      managesLocal[p] = manages(people[p]) ? 1 : 0;
      var ks = kids[p], r = [], a = [];
      for (var k = 0; k < ks.length; k++) (beside(people[ks[k]]) ? a : r).push(ks[k]);
      reports.push(r);
      assistants.push(a);
    }
    var bosses = [];
    for (var o = order.length - 1; o >= 0; o--) if (kids[order[o]].length) bosses.push(order[o]);
    return { count: count, people: people, local: local, manager: manager, kids: kids,
             reports: reports, assistants: assistants, manages: managesLocal, bosses: bosses,
             roots: roots.map(function (g) { return local[g]; }) };
  }

  function layout(tree, options) {
    var s = Object.assign({}, options.style);
    s.pitch = s.height + s.level_gap;
    var mode = options.mode === "tree" ? "tree" : "compact";
    return place(tree, mode, options.columns || 2, s);
  }

  return { layout: layout, visibleTree: visibleTree, route: route, routeDotted: routeDotted,
           tidyX: tidyX, arrange: arrange, stackOffsets: stackOffsets };
})();
