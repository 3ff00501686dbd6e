// corroborate pages: one delegated listener per container, state in classes and data
// attributes. The report (body.page-report) shows the sources a finding involves side by
// side with its spans in view; the coverage page (body.page-coverage) pairs each draft
// claim with the sources' words.
(function () {
  'use strict';

  function quoteId(id) {
    return window.CSS && CSS.escape ? CSS.escape(id) : id.replace(/["\\]/g, '\\$&');
  }

  // Scroll `box` so that `target` sits a third of the way down it, without moving any
  // other scroll container (scrollIntoView would also scroll the page or the grid).
  function scrollWithin(box, target) {
    var delta = target.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += delta - box.clientHeight / 3;
  }

  // Scroll `box` only as far as needed for `target` to be seen whole.
  function revealWithin(box, target) {
    var b = box.getBoundingClientRect();
    var r = target.getBoundingClientRect();
    if (r.top < b.top) { box.scrollTop += r.top - b.top - 8; }
    else if (r.bottom > b.bottom) { box.scrollTop += r.bottom - b.bottom + 8; }
  }

  function hashId() {
    return location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : '';
  }

  function remember(id) {
    if (history.replaceState) { history.replaceState(null, '', id ? '#' + id : location.pathname); }
  }

  function report() {
    var list = document.getElementById('findings');
    var sources = document.getElementById('sources');
    var shelf = document.getElementById('shelf');
    var sections = Array.prototype.slice.call(sources.querySelectorAll('.source'));
    var buttons = Array.prototype.slice.call(shelf.querySelectorAll('button[data-source]'));
    // How many sources are open at once, and in how many columns: side by side up to
    // three, then in rows of three, each column scrolling on its own.
    var MOST_OPEN = 9;
    var open = sections.slice(0, 6);
    var marked = [];

    function columns(n) { return n <= 3 ? Math.max(n, 1) : (n === 4 ? 2 : 3); }

    function layout() {
      sections.forEach(function (s, i) {
        var isOpen = open.indexOf(s) >= 0;
        s.classList.toggle('shut', !isOpen);
        buttons[i].setAttribute('aria-pressed', isOpen ? 'true' : 'false');
      });
      var cols = columns(open.length);
      sources.style.setProperty('--cols', String(cols));
      // The last source of an unfilled row takes the row's empty columns.
      sections.forEach(function (s) { s.style.gridColumn = ''; });
      var rest = open.length % cols;
      if (rest) { open[open.length - 1].style.gridColumn = 'span ' + (cols - rest + 1); }
    }

    function clear() {
      for (var i = 0; i < marked.length; i++) { marked[i].classList.remove('sel', 'involved'); }
      marked = [];
    }

    function select(id, fromSource) {
      clear();
      if (!id) { remember(''); return; }
      var q = quoteId(id);
      var item = list.querySelector('li[data-f="' + q + '"]');
      if (!item) { return; }
      item.classList.add('sel');
      marked.push(item);
      var details = item.closest('details');
      if (details) { details.open = true; }
      revealWithin(list, item);
      var marks = sources.querySelectorAll('mark[data-f~="' + q + '"]');
      var firstIn = new Map();
      for (var i = 0; i < marks.length; i++) {
        var m = marks[i];
        m.classList.add('sel');
        marked.push(m);
        var section = m.closest('.source');
        if (!firstIn.has(section)) { firstIn.set(section, m); }
      }
      // The involved sources, in page order, are the ones shown; clicking a claim in an
      // open source keeps that source where it is.
      var involved = sections.filter(function (s) { return firstIn.has(s); });
      buttons.forEach(function (b, i) {
        var is = firstIn.has(sections[i]);
        b.classList.toggle('involved', is);
        if (is) { marked.push(b); }
      });
      if (involved.length) {
        var keep = fromSource && fromSource.closest('.source');
        if (keep && involved.indexOf(keep) < 0) { involved.unshift(keep); }
        open = involved.slice(0, MOST_OPEN);
        layout();
      }
      firstIn.forEach(function (m, section) {
        var box = section.querySelector('.text');
        if (fromSource && box.contains(fromSource)) { return; }
        if (!section.classList.contains('shut')) { scrollWithin(box, m); }
      });
      remember(id);
    }

    function step(by) {
      var items = Array.prototype.filter.call(list.querySelectorAll('li[data-f]'), function (li) {
        return li.offsetParent !== null;
      });
      if (!items.length) { return; }
      var at = items.findIndex(function (li) { return li.classList.contains('sel'); });
      var next = items[Math.min(items.length - 1, Math.max(0, at < 0 ? 0 : at + by))];
      select(next.dataset.f, null);
      next.focus({ preventScroll: true });
    }

    list.addEventListener('click', function (e) {
      var li = e.target.closest('li[data-f]');
      if (li) { select(li.dataset.f, null); }
    });
    list.addEventListener('keydown', function (e) {
      var li = e.target.closest('li[data-f]');
      if (li && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(li.dataset.f, null); }
    });
    sources.addEventListener('click', function (e) {
      var m = e.target.closest('mark[data-f]');
      if (m && m.dataset.f) { select(m.dataset.f.split(' ')[0], m); }
    });
    shelf.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-source]');
      if (!b) { return; }
      var section = sections[buttons.indexOf(b)];
      var at = open.indexOf(section);
      if (at >= 0 && open.length > 1) { open.splice(at, 1); }
      else if (at < 0) {
        open.push(section);
        open.sort(function (a, c) { return sections.indexOf(a) - sections.indexOf(c); });
      }
      layout();
      var first = at < 0 && section.querySelector('mark.sel');
      if (first) { scrollWithin(section.querySelector('.text'), first); }
    });
    document.addEventListener('keydown', function (e) {
      if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) { return; }
      if (e.key === 'j' || e.key === 'n') { step(1); }
      else if (e.key === 'k' || e.key === 'p') { step(-1); }
      else if (e.key === 'Escape') { select('', null); }
    });
    document.getElementById('legend').addEventListener('change', function (e) {
      var verdict = e.target.dataset && e.target.dataset.filter;
      if (verdict) { document.body.classList.toggle('hide-' + verdict, !e.target.checked); }
    });
    window.addEventListener('hashchange', function () { select(hashId(), null); });
    layout();
    select(hashId(), null);
  }

  function coverage() {
    var text = document.querySelector('#draft .text');
    var evidence = document.getElementById('evidence');
    var marked = [];

    function select(id, from) {
      for (var i = 0; i < marked.length; i++) { marked[i].classList.remove('sel'); }
      marked = [];
      if (!id) { remember(''); return; }
      var q = quoteId(id);
      var card = evidence.querySelector('.card[data-k="' + q + '"]');
      var marks = text.querySelectorAll('mark[data-k~="' + q + '"]');
      if (!card && !marks.length) { return; }
      if (card) {
        card.classList.add('sel');
        marked.push(card);
        if (from !== card) { scrollWithin(evidence, card); }
      }
      for (var j = 0; j < marks.length; j++) { marks[j].classList.add('sel'); marked.push(marks[j]); }
      if (marks.length && from !== marks[0]) {
        var b = text.getBoundingClientRect();
        var r = marks[0].getBoundingClientRect();
        if (r.top < b.top || r.bottom > b.bottom) { scrollWithin(text, marks[0]); }
      }
      remember(id);
    }

    text.addEventListener('click', function (e) {
      var m = e.target.closest('mark[data-k]');
      if (m && m.dataset.k) { select(m.dataset.k.split(' ')[0], m); }
    });
    evidence.addEventListener('click', function (e) {
      var card = e.target.closest('.card[data-k]');
      if (card) { select(card.dataset.k, card); }
    });
    evidence.addEventListener('keydown', function (e) {
      var card = e.target.closest('.card[data-k]');
      if (card && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(card.dataset.k, card); }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { select('', null); }
    });
    window.addEventListener('hashchange', function () { select(hashId(), null); });
    select(hashId(), null);
  }

  if (document.body.classList.contains('page-coverage')) { coverage(); } else { report(); }
})();
