// The report as text: the screen-reader section (#report-text), the live region's headline
// (#status, through clout.announce) and the text of "Copy summary". The app makes them from
// the typed report its panels draw (src/web/report_a11y.cpp, clout_web_report_text):
// {headline, summary, sections}; this file only puts them in the DOM. Called by
// web/worker_client.js when a report comes and by web/api.js (clout.startOver, summary).
"use strict";

(function () {
  const clout = window.clout;
  const page = clout._page;
  const { $ } = page;
  const mod = page.mod;

  function takeReportText() {
    page.reportText = null;
    if (!mod() || !clout.report) return null;
    const t = mod().UTF8ToString(mod()._clout_web_report_text());
    page.reportText = t ? JSON.parse(t) : null;
    return page.reportText;
  }
  // The screen-reader section: its sections are made at once (detached elements, cheap) and
  // put in the page one at a time when it is idle (returns a promise), so that no frame lays
  // out all of it (laying out the ~100 elements took 15-40 ms on a loaded machine).
  function updateReportText(t, still = () => true) {
    const box = $("report-text");
    if (!t) page.reportText = null;
    if (!box) return Promise.resolve();
    box.replaceChildren();
    if (!t) { box.hidden = true; return Promise.resolve(); }
    box.hidden = false;
    const sections = [];
    let cur = null;
    const add = (tag, text, parent = null) => {
      const el = document.createElement(tag);
      el.textContent = text;
      if (parent) parent.append(el);
      else cur.push(el);
      return el;
    };
    const section = (title) => { cur = []; sections.push(cur); add("h2", title); };
    const list = (items) => { const ul = add("ul", ""); for (const x of items) add("li", x, ul); };
    // the files given that were not scored, each with its reason, before the warnings
    const notScored = () => { if (clout.errors.length) { section("Files not scored"); list(clout.errors); } };
    let listed = false;
    for (const sec of t.sections) {
      if (sec.title === "Warnings" && !listed) { notScored(); listed = true; }
      section(sec.title);
      if (sec.p !== undefined) add("p", sec.p);
      if (sec.list) list(sec.list);
    }
    if (!listed) notScored();
    clout.announce(t.headline + (clout.errors.length ? " Not scored: " + clout.errors.join("; ") : ""));
    // One section at a time, each when the page is idle (or after 300 ms at the latest): the
    // dashboard's first frames build its rows, and a section's style and layout (5-20 ms on
    // a loaded machine) would otherwise land in the same frame.
    const idle = () => new Promise((res) => {
      if (window.requestIdleCallback) requestIdleCallback(() => res(), { timeout: 300 });
      else setTimeout(res, 50);
    });
    const put = (i) => {
      if (!still()) return Promise.resolve();
      box.append(...sections[i]);
      return i + 1 < sections.length ? idle().then(() => put(i + 1)) : Promise.resolve();
    };
    return idle().then(() => put(0));
  }

  page.takeReportText = takeReportText;
  page.updateReportText = updateReportText;
})();
