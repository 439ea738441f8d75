// The score card as a 1200x630 PNG (the size social networks use for link previews),
// drawn with the canvas 2D API and the page's own fonts (Inter, from assets/). It shows
// the same fields as the card in the app (src/web/panel_share.cpp): the score, the
// changes, the component bars, the weekly trend, the networks, the export's date, the
// optional name, the model version and the clout mark. The breakdown adds up: a Base row
// plus the known components' points equal the score; unknown components and the points
// they leave unmeasured are named, filled-in inputs say where they came from, and fetched
// ones the host and the day. A network whose score is partial says so on its chip.
//   clout.card.render(card) -> Promise<Blob>   card: the object card_to_json makes
//   clout.card.fetchedLines(card) -> [string]   where its fetched numbers came from, in words
"use strict";

(function () {
  const W = 1200, H = 630;
  const C = {
    bg: "#0E1014", surface: "#161920", border: "#2A2F3B", text: "#ECEEF3", muted: "#A0A7B5", faint: "#6E7686",
    accent: "#8B7CFF", mark: "#6D5CF0", good: "#4CC38A", warn: "#F2B35B",
  };
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  const prettyDay = (ymd) => `${Number(ymd.slice(8, 10))} ${MONTHS[Number(ymd.slice(5, 7)) - 1] || "?"} ${ymd.slice(0, 4)}`;
  const signed = (v) => (v > 0 ? "+" + v : v < 0 ? "\u2212" + -v : "\u00b10");

  function roundRect(ctx, x, y, w, h, r) {
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, r);
  }

  function logo(ctx, x, y, size) {
    const k = size / 64;
    ctx.fillStyle = C.mark;
    roundRect(ctx, x, y, size, size, 14 * k);
    ctx.fill();
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 7 * k;
    ctx.lineCap = "round";
    ctx.beginPath();
    ctx.arc(x + 30 * k, y + 32 * k, 15 * k, (40 * Math.PI) / 180, (320 * Math.PI) / 180);
    ctx.stroke();
    ctx.fillStyle = "#fff";
    ctx.beginPath();
    ctx.arc(x + 48 * k, y + 32 * k, 4.5 * k, 0, 2 * Math.PI);
    ctx.fill();
  }

  // Shortens text with an ellipsis to fit `max` pixels.
  function fit(ctx, text, max) {
    if (ctx.measureText(text).width <= max) return text;
    const chars = Array.from(text);
    while (chars.length && ctx.measureText(chars.join("") + "\u2026").width > max) chars.pop();
    return chars.join("") + "\u2026";
  }

  async function fonts() {
    if (!document.fonts) return;
    try {
      await Promise.all([document.fonts.load('400 24px "Inter"'), document.fonts.load('600 200px "Inter"')]);
    } catch (e) { /* the fallback font still draws a card */ }
  }

  // "Fetched from public.api.bsky.app on 1 December 2026" ("Bluesky: fetched from ..." when
  // the card shows several networks), one line per network whose numbers were fetched; the
  // words of the app's card (src/web/panel_share.cpp fetched_line). short: the month in
  // three letters (the PNG's narrow column). More than two share the second line.
  function fetchedLines(card, short = false) {
    const list = Array.isArray(card.fetched) ? card.fetched : [];
    const day = (d) => (short ? prettyDay(d).replace(/^(\d+ \w{3})\w* /, "$1 ") : prettyDay(d));
    const lines = list.map((f) =>
      (card.networks.length > 1 ? `${f.label}: fetched` : "Fetched") +
      (f.host ? ` from ${f.host}` : "") + (f.date ? ` on ${day(f.date)}` : ""));
    return lines.length > 2 ? [lines[0], lines.slice(1).join(" \u00b7 ")] : lines;
  }

  // The networks' chips, "Bluesky 28 · partial" when a network's score leaves points
  // unmeasured, in the space from x to right: a smaller size when they do not fit, and a
  // "+N more" chip rather than dropping a network without a word.
  function networkChips(ctx, F, card, x, y, right) {
    const nets = card.networks;
    const measure = (size) => nets.map((n) => {
      ctx.font = F(400, size);
      const lw = ctx.measureText(n.label).width;
      ctx.font = F(600, size);
      const vw = ctx.measureText(String(n.score)).width;
      ctx.font = F(400, size - 4);
      const pw = n.partial ? ctx.measureText("\u00b7 partial").width + 8 : 0;
      return { n, lw, vw, pw, w: lw + vw + pw + (size * 1.9) };
    });
    let size = 20, chips = measure(size);
    const total = (cs) => cs.reduce((s, c) => s + c.w + 10, 0) - 10;
    while (total(chips) > right - x && size > 15) chips = measure(--size);
    let shown = chips.length;
    const moreW = (k) => { ctx.font = F(600, size); return ctx.measureText(`+${k} more`).width + size * 1.5; };
    while (shown > 1 && total(chips.slice(0, shown)) + (shown < chips.length ? moreW(chips.length - shown) + 10 : 0) > right - x) shown--;
    const h = Math.round(size * 2), r = h / 2, base = y + h / 2 + size * 0.36;
    let nx = x;
    for (const c of chips.slice(0, shown)) {
      ctx.strokeStyle = c.n.partial ? "rgba(242,179,91,0.6)" : C.border;
      ctx.lineWidth = 1.5;
      roundRect(ctx, nx, y, c.w, h, r);
      ctx.stroke();
      const pad = size * 0.75;
      ctx.font = F(400, size);
      ctx.fillStyle = C.muted;
      ctx.fillText(c.n.label, nx + pad, base);
      ctx.font = F(600, size);
      ctx.fillStyle = C.text;
      ctx.fillText(String(c.n.score), nx + pad + 8 + c.lw, base);
      if (c.n.partial) {
        ctx.font = F(400, size - 4);
        ctx.fillStyle = C.warn;
        ctx.fillText("\u00b7 partial", nx + pad + 16 + c.lw + c.vw, base - 1);
      }
      nx += c.w + 10;
    }
    if (shown < chips.length) {
      const w = moreW(chips.length - shown);
      ctx.strokeStyle = C.border;
      ctx.lineWidth = 1.5;
      roundRect(ctx, nx, y, w, h, r);
      ctx.stroke();
      ctx.font = F(600, size);
      ctx.fillStyle = C.muted;
      ctx.fillText(`+${chips.length - shown} more`, nx + size * 0.75, base);
    }
  }

  async function render(card) {
    if (!card || typeof card.score !== "number") throw new Error("no card to draw");
    await fonts();
    const canvas = document.createElement("canvas");
    canvas.width = W;
    canvas.height = H;
    const ctx = canvas.getContext("2d");
    const F = (weight, size) => `${weight} ${size}px "Inter", system-ui, sans-serif`;

    // background: dark, a soft wash of the accent from the top left, a faint frame
    ctx.fillStyle = C.bg;
    ctx.fillRect(0, 0, W, H);
    const g = ctx.createRadialGradient(140, 60, 0, 140, 60, 760);
    g.addColorStop(0, "rgba(139,124,255,0.22)");
    g.addColorStop(1, "rgba(139,124,255,0)");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, W, H);
    ctx.strokeStyle = "rgba(255,255,255,0.06)";
    ctx.lineWidth = 2;
    roundRect(ctx, 24, 24, W - 48, H - 48, 28);
    ctx.stroke();

    // top: the mark and wordmark; the export's date
    logo(ctx, 64, 60, 44);
    ctx.textBaseline = "alphabetic";
    ctx.fillStyle = C.text;
    ctx.font = F(600, 30);
    ctx.fillText("clout", 120, 93);
    ctx.font = F(400, 22);
    ctx.fillStyle = C.muted;
    ctx.textAlign = "right";
    ctx.fillText("as of " + prettyDay(card.as_of), W - 64, 90);
    ctx.textAlign = "left";

    // left column: label, name, big score, changes
    let y = 172;
    ctx.font = F(600, 18);
    ctx.fillStyle = C.accent;
    ctx.fillText("INFLUENCE SCORE", 64, y);
    if (card.name) {
      ctx.font = F(600, 34);
      ctx.fillStyle = C.text;
      ctx.fillText(fit(ctx, card.name, 440), 64, y + 46);
      y += 46;
    }
    const score = String(card.score);
    ctx.font = F(600, 190);
    ctx.fillStyle = C.text;
    const scoreBase = y + 190;
    ctx.fillText(score, 56, scoreBase);
    const sw = ctx.measureText(score).width;
    ctx.font = F(400, 40);
    ctx.fillStyle = C.faint;
    ctx.fillText("/ 100", 56 + sw + 14, scoreBase);

    let cx = 64;
    const cy = scoreBase + 34;
    for (const [v, what] of [[card.change.d1, "1 day"], [card.change.d7, "7 days"], [card.change.d30, "30 days"]]) {
      const tone = v > 0 ? C.good : v < 0 ? C.warn : C.muted;
      ctx.font = F(600, 22);
      const vs = signed(v), vw = ctx.measureText(vs).width;
      ctx.font = F(400, 19);
      const rw = ctx.measureText(" " + what).width;
      const w = vw + rw + 28;
      ctx.fillStyle = tone + "22";
      roundRect(ctx, cx, cy, w, 40, 20);
      ctx.fill();
      ctx.fillStyle = tone;
      ctx.font = F(600, 22);
      ctx.fillText(vs, cx + 14, cy + 28);
      ctx.fillStyle = C.muted;
      ctx.font = F(400, 19);
      ctx.fillText(" " + what, cx + 14 + vw, cy + 27);
      cx += w + 10;
    }

    // right column: the trend, then the components
    const rx = 600, rw = W - 64 - rx;
    ctx.fillStyle = C.surface;
    roundRect(ctx, rx - 28, 128, rw + 56, 436, 24);
    ctx.fill();
    ctx.strokeStyle = C.border;
    ctx.lineWidth = 1.5;
    ctx.stroke();

    ctx.font = F(600, 18);
    ctx.fillStyle = C.muted;
    ctx.fillText(`Score over ${card.trend.length} weeks`, rx, 166);
    const t = card.trend;
    let lo = Math.min(...t), hi = Math.max(...t);
    lo = Math.max(1, lo - 3); hi = Math.min(100, hi + 3);
    if (hi - lo < 10) { hi = Math.min(100, lo + 10); lo = Math.max(1, hi - 10); }
    const ty = 186, th = 110;
    const px = (i) => rx + (t.length === 1 ? rw : (i / (t.length - 1)) * rw);
    const py = (v) => ty + th - ((v - lo) / (hi - lo)) * th;
    const area = ctx.createLinearGradient(0, ty, 0, ty + th);
    area.addColorStop(0, "rgba(139,124,255,0.35)");
    area.addColorStop(1, "rgba(139,124,255,0)");
    ctx.beginPath();
    ctx.moveTo(px(0), ty + th);
    t.forEach((v, i) => ctx.lineTo(px(i), py(v)));
    ctx.lineTo(px(t.length - 1), ty + th);
    ctx.closePath();
    ctx.fillStyle = area;
    ctx.fill();
    ctx.beginPath();
    t.forEach((v, i) => (i ? ctx.lineTo(px(i), py(v)) : ctx.moveTo(px(i), py(v))));
    ctx.strokeStyle = C.accent;
    ctx.lineWidth = 3.5;
    ctx.lineJoin = "round";
    ctx.stroke();
    const ex = px(t.length - 1), ey = py(t[t.length - 1]);
    ctx.fillStyle = "rgba(139,124,255,0.3)";
    ctx.beginPath(); ctx.arc(ex, ey, 11, 0, 2 * Math.PI); ctx.fill();
    ctx.fillStyle = C.accent;
    ctx.beginPath(); ctx.arc(ex, ey, 6, 0, 2 * Math.PI); ctx.fill();

    // The breakdown adds up: the base point plus the known components' points = the score.
    // An unknown component shows its maximum and no points, never a zero. Model-1 cards
    // (old links) had no base row and gave missing points to other components.
    const model1 = card.model_major === 1;
    const rows = model1 ? card.components.slice() : [{ label: "Base", points: card.base_points, max_points: card.base_points, known: true, base: true }].concat(card.components);
    // Fetched numbers name their host and day under the rows (at most two lines): the rows
    // close up to make room.
    const fetchLines = fetchedLines(card, true);
    const step = fetchLines.length ? 34 : rows.length > 5 ? 35 : 42;
    let by = fetchLines.length ? 330 : rows.length > 5 ? 336 : 350;
    // The bars start after the widest label and its provenance, so that the two never overlap.
    const provOf = (comp) => {
      const known = comp.known !== undefined ? comp.known : comp.available;
      return !comp.base && known && Array.isArray(comp.provenance) ? comp.provenance.filter((p) => p !== "export") : [];
    };
    let labelW = 170;
    for (const comp of rows) {
      const prov = provOf(comp);
      if (!prov.length) continue;
      ctx.font = F(400, 20);
      const lw = ctx.measureText(comp.label).width;
      ctx.font = F(400, 14);
      labelW = Math.max(labelW, lw + 8 + ctx.measureText(prov.join(", ")).width + 14);
    }
    labelW = Math.min(labelW, 260);
    for (const comp of rows) {
      const known = comp.known !== undefined ? comp.known : comp.available;
      const prov = provOf(comp);
      ctx.font = F(400, 20);
      ctx.fillStyle = known ? C.text : C.muted;
      ctx.fillText(comp.label, rx, by + 7);
      if (prov.length) {
        const lw = ctx.measureText(comp.label).width;
        ctx.font = F(400, 14);
        ctx.fillStyle = C.warn;
        ctx.fillText(prov.join(", "), rx + lw + 8, by + 6);
      }
      const bx0 = rx + labelW, bx1 = rx + rw - 92;
      if (!comp.base && known) {  // an unknown component has no bar: its words take the space
        ctx.fillStyle = C.border;
        roundRect(ctx, bx0, by - 6, bx1 - bx0, 12, 6);
        ctx.fill();
      }
      if (known && comp.points > 0 && !comp.base) {
        ctx.fillStyle = C.accent;
        roundRect(ctx, bx0, by - 6, Math.max(12, ((bx1 - bx0) * comp.points) / comp.max_points), 12, 6);
        ctx.fill();
      }
      ctx.textAlign = "right";
      if (comp.base) {
        ctx.font = F(600, 20);
        ctx.fillStyle = C.text;
        ctx.fillText(String(comp.points), rx + rw, by + 7);
      } else if (known) {
        ctx.font = F(600, 20);
        ctx.fillStyle = C.text;
        ctx.fillText(`${comp.points}/${comp.max_points}`, rx + rw, by + 7);
      } else {
        ctx.font = F(400, 17);
        ctx.fillStyle = C.faint;
        ctx.fillText(model1 ? "n/a" : `unknown \u00b7 ${comp.max_points} pts not measured`, rx + rw, by + 7);
      }
      ctx.textAlign = "left";
      by += step;
    }
    fetchLines.forEach((line, i) => {
      ctx.font = F(400, 16);
      ctx.fillStyle = C.warn;
      ctx.fillText(fit(ctx, line, rw), rx, by + 12 + i * 22);
    });
    if (card.partial) {
      ctx.font = F(400, 18);
      ctx.fillStyle = C.warn;
      ctx.fillText(fit(ctx, `Partial: ${card.partial.unmeasured_points} of 100 points not measured`, 500), 64, cy + 66);
    }

    // bottom: networks (a partial score's chip says so), model
    networkChips(ctx, F, card, 64, 520, rx - 48);
    ctx.font = F(400, 15);
    ctx.fillStyle = C.faint;
    ctx.fillText(`Computed locally with clout \u00b7 model ${card.model}` + (card.model_major === 1 ? " (score model 1, an older scale)" : ""), 64, 590);

    return await new Promise((res, rej) => canvas.toBlob((b) => (b ? res(b) : rej(new Error("the card could not be drawn"))), "image/png"));
  }

  window.clout = window.clout || {};
  window.clout.card = { render, fetchedLines, width: W, height: H };
})();
