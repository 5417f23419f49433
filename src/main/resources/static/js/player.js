// The player page: plays the original or its proxy, seeks by the frame strip, reports what was played
// (one viewing record per session on the server), asks for clips and watermarked copies.
(function () {
  'use strict';
  var root = document.getElementById('player-page');
  if (!root) {
    return;
  }
  var data = root.dataset;
  var player = document.getElementById('player');
  var headers = { 'Content-Type': 'application/json' };
  headers[data.csrfHeader] = data.csrfToken;
  var error = document.getElementById('player-error');

  function post(path, body, keepalive) {
    return fetch(data.api + path, { method: 'POST', headers: headers, body: JSON.stringify(body || {}),
      credentials: 'same-origin', keepalive: !!keepalive });
  }

  function fail(response) {
    return response.json().then(function (problem) {
      error.textContent = (problem.detail || data.textRequestFailed) + (problem.rule ? '（' + problem.rule + '）' : '');
      error.hidden = false;
    }, function () {
      error.textContent = data.textRequestFailed;
      error.hidden = false;
    });
  }

  function after(response) {
    if (response.ok) {
      window.location.reload();
    } else {
      fail(response);
    }
  }

  player.src = data.source;

  // What the player says was played, in seconds: kept with this viewing session on the server.
  function played() {
    var ranges = [];
    for (var i = 0; i < player.played.length; i++) {
      ranges.push(player.played.start(i).toFixed(1) + '-' + player.played.end(i).toFixed(1));
    }
    return ranges.join(',');
  }
  var reported = '';
  function report(keepalive) {
    var now = played();
    if (now && now !== reported) {
      reported = now;
      post('/played', { object: data.object, ranges: now }, keepalive);
    }
  }
  setInterval(function () { report(false); }, 15000);
  player.addEventListener('pause', function () { report(false); });
  window.addEventListener('pagehide', function () { report(true); });

  var strip = document.getElementById('strip');
  if (strip) {
    strip.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (button) {
        player.currentTime = parseFloat(button.dataset.seconds);
        player.play();
      }
    });
  }

  // A proxy being made: look again every five seconds and play it once it is ready.
  if (data.proxyState === 'PENDING' || data.proxyState === 'WORKING') {
    var poll = setInterval(function () {
      fetch(data.api + '/playback', { credentials: 'same-origin' }).then(function (response) {
        return response.json();
      }).then(function (view) {
        if (view.source.kind === 'proxy' || view.source.proxyState === 'FAILED') {
          clearInterval(poll);
          window.location.reload();
        }
      });
    }, 5000);
  }
  // Copies being made: the table asks the server every three seconds and shows each row's state as it changes.
  var derived = document.getElementById('derived');
  function unfinished() {
    return derived.querySelectorAll('tbody tr[data-state="PENDING"], tbody tr[data-state="WORKING"]').length > 0;
  }
  function seconds(millis) {
    return (millis / 1000).toFixed(3).replace(/0{1,2}$/, '');
  }
  function show(copy) {
    var row = derived.querySelector('tbody tr[data-id="' + copy.id + '"]');
    if (!row || row.dataset.state === copy.state) {
      return;
    }
    row.dataset.state = copy.state;
    var state = row.querySelector('.derived-state');
    state.textContent = derived.dataset['text' + copy.state.charAt(0) + copy.state.slice(1).toLowerCase()] || copy.state;
    state.title = copy.problem || '';
    if (copy.actualToMillis !== null && copy.actualToMillis !== undefined) {
      row.querySelector('.derived-actual').textContent = derived.dataset.textActual
        .replace('{0}', seconds(copy.actualFromMillis)).replace('{1}', seconds(copy.actualToMillis));
    }
  }
  if (derived && unfinished()) {
    var watch = setInterval(function () {
      fetch(derived.dataset.api, { credentials: 'same-origin' }).then(function (response) {
        return response.ok ? response.json() : [];
      }).then(function (copies) {
        copies.forEach(show);
        if (!unfinished()) {
          clearInterval(watch);
        }
      });
    }, 3000);
  }
  var requestProxy = document.getElementById('request-proxy');
  if (requestProxy) {
    requestProxy.addEventListener('click', function () { post('/proxy').then(after); });
  }

  document.getElementById('clip-from-now').addEventListener('click', function () {
    document.getElementById('clip-from').value = player.currentTime.toFixed(1);
  });
  document.getElementById('clip-to-now').addEventListener('click', function () {
    document.getElementById('clip-to').value = player.currentTime.toFixed(1);
  });
  document.getElementById('clip-form').addEventListener('submit', function (event) {
    event.preventDefault();
    post('/clips', { fromSeconds: parseFloat(document.getElementById('clip-from').value),
      toSeconds: parseFloat(document.getElementById('clip-to').value) }).then(after);
  });
  var watermark = document.getElementById('watermark-form');
  if (watermark) {
    watermark.addEventListener('submit', function (event) {
      event.preventDefault();
      post('/watermarked', { requestId: watermark.dataset.request, use: 'COPY' }).then(after);
    });
  }
  var still = document.getElementById('still-form');
  if (still) {
    still.addEventListener('submit', function (event) {
      event.preventDefault();
      post('/watermarked', { requestId: still.dataset.request, use: 'PRINT', atSeconds: player.currentTime }).then(after);
    });
  }

  // The viewer's name, the time and the request's number stay over the picture while it plays; the clock runs
  // in the agency's zone, whatever zone this computer is set to.
  var clock = document.getElementById('viewer-clock');
  if (clock) {
    var offset = parseInt(clock.dataset.zoneOffset, 10) * 1000;
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    setInterval(function () {
      var t = new Date(Date.now() + offset);
      clock.textContent = t.getUTCFullYear() + '-' + pad(t.getUTCMonth() + 1) + '-' + pad(t.getUTCDate()) + ' '
        + pad(t.getUTCHours()) + ':' + pad(t.getUTCMinutes()) + ':' + pad(t.getUTCSeconds());
    }, 1000);
  }
}());
