// Live payout preview while typing the points to sell: asks the server (the API's sell-preview view) and
// shows its decimal strings as they are; the browser does no money arithmetic.
(function () {
  var input = document.getElementById('sell-points');
  var out = document.getElementById('sell-preview');
  if (!input || !out) { return; }
  var asked = 0;
  input.addEventListener('input', function () {
    var points = input.value.trim();
    var ticket = ++asked;
    if (!points) { out.textContent = ''; return; }
    fetch('/console/wallet/sell-preview?points=' + encodeURIComponent(points), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (view) {
        if (ticket !== asked) { return; } // an older answer arriving late must not overwrite a newer one
        if (!view.possible) { out.textContent = view.detail || out.getAttribute('data-impossible'); out.className = 'error'; return; }
        out.className = 'ok';
        out.textContent = out.getAttribute('data-payout').replace('{0}', view.payout) + ' · '
          + out.getAttribute('data-gross').replace('{0}', view.gross) + ' · '
          + out.getAttribute('data-stays').replace('{0}', view.staysInPool);
        out.setAttribute('data-value', view.payout);
      });
  });
})();
