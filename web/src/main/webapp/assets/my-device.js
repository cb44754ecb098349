// My device page, on top of the plain HTML (which works without this file):
// "Resolve later" opens its confirmation as a modal dialog, Refetch waits for the device's fresh
// results and reloads the page when they are in, and times are shown in the reader's time zone.
(function () {
  'use strict';

  function resolveLaterDialog() {
    var dialog = document.getElementById('resolve-later');
    if (!dialog || typeof dialog.showModal !== 'function') return;
    var opener = null;
    document.querySelectorAll('[data-opens="resolve-later"]').forEach(function (button) {
      button.addEventListener('click', function (event) {
        event.preventDefault();
        opener = button;
        if (dialog.open) dialog.close();
        dialog.showModal();
      });
    });
    // Back to where the reader was when the dialog closes (Cancel, Escape).
    dialog.addEventListener('close', function () {
      if (dialog.open) return; // closed only to be shown again as a modal, below
      var back = opener || document.querySelector('[data-opens="resolve-later"]');
      if (back) back.focus();
    });
    // Opened by the server (the no-JavaScript way): show it as a modal instead.
    if (dialog.open) {
      dialog.close();
      dialog.showModal();
    }
  }

  function refetch() {
    var status = document.getElementById('refetch-status');
    var form = document.querySelector('form.refetch-form');
    if (!status || !form) return;
    var button = form.querySelector('button');
    var waitMs = Number(status.dataset.waitSeconds || 120) * 1000;
    var round = 0; // a new Refetch starts a new round of polling and ends the old one

    function say(text, late) {
      status.textContent = text;
      status.classList.toggle('late', !!late);
    }

    function wait() {
      var mine = ++round;
      var started = Date.now();
      var late = false;
      button.disabled = true;
      say('Waiting for this device to report fresh results\u2026');
      function check() {
        if (mine !== round) return;
        fetch(status.dataset.statusUrl, { cache: 'no-store', headers: { Accept: 'application/json' } })
          .then(function (r) {
            if (r.status === 404) { window.location.reload(); return null; }
            return r.ok ? r.json() : null;
          })
          .catch(function () { return null; })
          .then(function (s) {
            if (mine !== round) return;
            if (s && s.refetch_pending === false) {
              window.location.replace(status.dataset.doneUrl);
              return;
            }
            if (!late && Date.now() - started >= waitMs) {
              late = true;
              button.disabled = false;
              say('This device has not answered yet. It reports when it is switched on, awake and online. '
                + 'Keep this page open: it updates when the results arrive. You can also press Refetch again.', true);
            }
            setTimeout(check, late ? 10000 : 3000);
          });
      }
      setTimeout(check, 2000);
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      button.disabled = true;
      fetch(form.action, { method: 'POST', redirect: 'manual', cache: 'no-store' })
        .then(function (r) {
          if (r.type === 'opaqueredirect' || r.ok) {
            wait();
          } else {
            form.submit();
          }
        })
        .catch(function () { form.submit(); });
    });

    if (status.dataset.waiting === 'true') wait();
  }

  function localTimes() {
    document.querySelectorAll('time[datetime]').forEach(function (t) {
      var when = new Date(t.getAttribute('datetime'));
      if (!isNaN(when)) t.textContent = when.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
    });
  }

  resolveLaterDialog();
  refetch();
  localTimes();
})();
