// corroborate report: one delegated listener per container, state in data attributes.
(function () {
  'use strict';
  var list = document.getElementById('findings');
  var sources = document.getElementById('sources');
  var marked = [];

  function quoteId(id) {
    return window.CSS && CSS.escape ? CSS.escape(id) : id.replace(/["\\]/g, '\\$&');
  }

  function clear() {
    for (var i = 0; i < marked.length; i++) {
      marked[i].classList.remove('sel', 'involved');
    }
    marked = [];
    sources.classList.remove('focus');
  }

  // Scroll `box` so that `target` sits a third of the way down it, without moving any
  // other scroll container (scrollIntoView would also scroll the row of sources).
  function scrollWithin(box, target) {
    var delta = target.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop += delta - box.clientHeight / 3;
  }

  function select(id, fromSource) {
    clear();
    if (!id) { return; }
    var q = quoteId(id);
    var item = list.querySelector('li[data-f="' + q + '"]');
    if (item) {
      item.classList.add('sel');
      marked.push(item);
      if (fromSource) { scrollWithin(list, item); }
    }
    var marks = sources.querySelectorAll('mark[data-f~="' + q + '"]');
    var firstIn = new Map();
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i];
      m.classList.add('sel');
      marked.push(m);
      var box = m.closest('.text');
      if (box && !firstIn.has(box)) { firstIn.set(box, m); }
    }
    var firstSection = null;
    firstIn.forEach(function (m, box) {
      scrollWithin(box, m);
      var section = box.closest('.source');
      section.classList.add('involved');
      marked.push(section);
      if (!firstSection) { firstSection = section; }
    });
    if (firstIn.size) { sources.classList.add('focus'); }
    if (firstSection && !fromSource) {
      var left = firstSection.offsetLeft - sources.offsetLeft;
      if (left < sources.scrollLeft || left > sources.scrollLeft + sources.clientWidth - 40) {
        sources.scrollLeft = left;
      }
    }
    if (history.replaceState) { history.replaceState(null, '', '#' + id); }
  }

  function step(by) {
    var items = Array.prototype.filter.call(list.querySelectorAll('li[data-f]'), function (li) {
      return li.offsetParent !== null;
    });
    if (!items.length) { return; }
    var at = items.findIndex(function (li) { return li.classList.contains('sel'); });
    var next = items[Math.min(items.length - 1, Math.max(0, at < 0 ? 0 : at + by))];
    select(next.dataset.f, false);
    scrollWithin(list, next);
    next.focus({ preventScroll: true });
  }

  list.addEventListener('click', function (e) {
    var li = e.target.closest('li[data-f]');
    if (li) { select(li.dataset.f, false); }
  });
  list.addEventListener('keydown', function (e) {
    var li = e.target.closest('li[data-f]');
    if (li && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); select(li.dataset.f, false); }
  });
  sources.addEventListener('click', function (e) {
    var m = e.target.closest('mark[data-f]');
    if (m) { select(m.dataset.f.split(' ')[0], true); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === 'j' || e.key === 'n') { step(1); }
    else if (e.key === 'k' || e.key === 'p') { step(-1); }
    else if (e.key === 'Escape') { clear(); }
  });
  document.querySelector('header').addEventListener('change', function (e) {
    var verdict = e.target.dataset && e.target.dataset.filter;
    if (verdict) { document.body.classList.toggle('hide-' + verdict, !e.target.checked); }
  });
  if (location.hash.length > 1) { select(decodeURIComponent(location.hash.slice(1)), false); }
})();
