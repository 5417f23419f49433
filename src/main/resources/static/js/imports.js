// The import page: starts folder imports and resumable uploads, then polls the job until it ends.
(function () {
  'use strict';
  var root = document.getElementById('imports');
  if (!root) {
    return;
  }
  var data = root.dataset;
  var headers = {};
  headers[data.csrfHeader] = data.csrfToken;

  function text(template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (match, index) {
      return args[index] === undefined ? match : String(args[index]);
    });
  }

  // the same words as the server's HumanUnits: under a kilobyte the bytes, then one decimal under ten units
  function bytes(count) {
    if (count < 1024) {
      return count + ' ' + data.textBytes;
    }
    var units = ['KB', 'MB', 'GB', 'TB', 'PB'];
    var value = count / 1024;
    var unit = 0;
    while (value >= 1023.5 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value < 9.95 ? value.toFixed(1) : String(Math.round(value))) + ' ' + units[unit];
  }

  // as a player shows time: 0:45, 12:03, 1:02:03
  function duration(seconds) {
    var whole = Math.round(seconds);
    var hours = Math.floor(whole / 3600);
    var minutes = Math.floor(whole % 3600 / 60);
    var rest = whole % 60;
    var pad = function (n) { return n < 10 ? '0' + n : String(n); };
    return hours > 0 ? hours + ':' + pad(minutes) + ':' + pad(rest) : minutes + ':' + pad(rest);
  }

  function cell(row, content) {
    var td = document.createElement('td');
    td.textContent = content;
    row.appendChild(td);
    return td;
  }

  function showError(message) {
    var error = document.getElementById('import-error');
    error.textContent = message;
    error.hidden = !message;
  }

  function post(url, body) {
    var requestHeaders = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    requestHeaders[data.csrfHeader] = data.csrfToken;
    return fetch(url, { method: 'POST', headers: requestHeaders, body: JSON.stringify(body) }).then(answer);
  }

  function answer(response) {
    return response.json().catch(function () {
      return {};
    }).then(function (json) {
      if (!response.ok) {
        throw new Error(json.detail || text(data.textRequestFailed, response.status));
      }
      return json;
    });
  }

  function render(job) {
    document.getElementById('job').hidden = false;
    var bar = document.getElementById('job-bar');
    bar.max = Math.max(job.bytesTotal, 1);
    bar.value = job.state === 'DONE' ? bar.max : job.bytesCopied;
    var state = { RUNNING: data.textRunning, DONE: data.textDone, FAILED: data.textFailed }[job.state];
    document.getElementById('job-state').textContent = job.message ? state + '：' + job.message : state;
    document.getElementById('job-progress').textContent = text(data.textProgress, job.filesDone, job.filesTotal,
        bytes(job.bytesCopied), bytes(job.bytesTotal),
        job.bytesPerSecond == null ? data.textRateUnknown : bytes(job.bytesPerSecond) + '/s',
        job.etaSeconds == null ? data.textEtaUnknown : duration(job.etaSeconds));
    var body = document.querySelector('#job-results tbody');
    body.textContent = '';
    job.outcomes.forEach(function (outcome) {
      var row = document.createElement('tr');
      row.className = 'outcome outcome-' + outcome.result.toLowerCase();
      cell(row, outcome.file);
      cell(row, outcome.text);
      cell(row, outcome.sha256 || '');
      body.appendChild(row);
    });
  }

  // Polls the job until it ends, then calls ended (if given), also when polling fails.
  function follow(job, ended) {
    render(job);
    if (job.state !== 'RUNNING') {
      if (ended) {
        ended();
      }
      return;
    }
    setTimeout(function () {
      fetch(data.importsUrl + '/' + job.id, { headers: { 'Accept': 'application/json' } })
        .then(answer)
        .then(function (next) {
          follow(next, ended);
        })
        .catch(function (error) {
          showError(error.message);
          if (ended) {
            ended();
          }
        });
    }, 500);
  }

  function officerOf(select) {
    return select.value ? select.value : null;
  }

  document.getElementById('folder-form').addEventListener('submit', function (event) {
    event.preventDefault();
    showError('');
    busy(true);
    post(data.importsUrl, {
      device: document.getElementById('folder-device').value,
      folder: document.getElementById('folder-path').value,
      officerId: officerOf(document.getElementById('folder-officer'))
    }).then(followThenRelease).catch(function (error) {
      busy(false);
      showError(error.message);
    });
  });

  // The whole batch's progress: percent, bytes, speed since the first byte of this page, time left.
  function batchProgress(files) {
    var sent = files.map(function () { return 0; });
    var total = files.reduce(function (sum, file) { return sum + file.size; }, 0);
    var started = null;
    var startedAt = 0;
    var bar = document.getElementById('upload-bar');
    var summary = document.getElementById('upload-summary');
    document.getElementById('upload-overall').hidden = false;
    function show() {
      var done = sent.reduce(function (sum, n) { return sum + n; }, 0);
      var percent = total ? Math.floor(done * 100 / total) : 100;
      var seconds = started === null ? 0 : (Date.now() - startedAt) / 1000;
      var rate = seconds >= 1 && done > started ? (done - started) / seconds : null;
      bar.value = percent;
      summary.textContent = text(data.textUploadProgress, percent, bytes(done), bytes(total),
          rate === null ? data.textRateUnknown : bytes(Math.round(rate)) + '/s',
          rate === null ? data.textEtaUnknown : duration((total - done) / rate));
    }
    show();
    return function (index, bytesSent) {
      if (started === null) {
        // A resumed upload starts beyond zero: the speed counts only what this page sent.
        started = sent.reduce(function (sum, n) { return sum + n; }, 0);
        startedAt = Date.now();
      }
      sent[index] = bytesSent;
      show();
    };
  }

  // Settles with the upload's URL, or with null once the upload has failed for good: one file never holds up the rest.
  function uploadOne(file, device, progressed) {
    var table = document.getElementById('upload-list');
    table.hidden = false;
    var row = document.createElement('tr');
    row.className = 'upload';
    cell(row, file.name);
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    cell(row, '').appendChild(bar);
    var state = cell(row, data.textUploading);
    state.className = 'upload-state';
    table.querySelector('tbody').appendChild(row);
    return new Promise(function (resolve) {
      var upload = new tus.Upload(file, {
        endpoint: data.uploadsUrl,
        headers: headers,
        // A dropped connection is retried with these pauses, from the offset the server confirms.
        retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
        chunkSize: 8 * 1024 * 1024,
        removeFingerprintOnSuccess: true,
        metadata: { filename: file.name, filetype: file.type, lastModified: String(file.lastModified), device: device },
        onProgress: function (sent, total) {
          bar.value = total ? Math.floor(sent * 100 / total) : 100;
          bar.textContent = bar.value + ' %';
          row.dataset.percent = String(bar.value);
          progressed(sent);
        },
        onSuccess: function () {
          bar.value = 100;
          row.dataset.percent = '100';
          state.textContent = data.textUploaded;
          progressed(file.size);
          resolve(upload.url);
        },
        onError: function (error) {
          row.classList.add('upload-failed');
          state.textContent = text(data.textUploadFailed, error.message || error);
          resolve(null);
        }
      });
      // After a reload the same file resumes where the server stopped, not from the start.
      upload.findPreviousUploads().then(function (previous) {
        if (previous.length > 0) {
          upload.resumeFromPreviousUpload(previous[0]);
          state.textContent = data.textResumed;
        }
        upload.start();
      });
    });
  }

  // The submit buttons stay disabled from the first byte until the import has ended.
  function busy(on) {
    document.getElementById('upload-submit').disabled = on;
    document.getElementById('folder-submit').disabled = on;
  }

  function followThenRelease(job) {
    follow(job, function () {
      busy(false);
    });
  }

  document.getElementById('upload-form').addEventListener('submit', function (event) {
    event.preventDefault();
    showError('');
    var files = Array.prototype.slice.call(document.getElementById('upload-files').files);
    var device = document.getElementById('upload-device').value;
    var officer = officerOf(document.getElementById('upload-officer'));
    document.querySelector('#upload-list tbody').textContent = '';
    busy(true);
    var progressed = batchProgress(files);
    Promise.all(files.map(function (file, index) {
      return uploadOne(file, device, function (sent) {
        progressed(index, sent);
      });
    })).then(function (urls) {
      var uploaded = urls.filter(function (url) { return url; });
      if (uploaded.length === 0) {
        throw new Error(data.textNoneUploaded);
      }
      if (uploaded.length < urls.length) {
        showError(text(data.textSomeFailed, urls.length - uploaded.length));
      }
      return post(data.importsUrl + '/uploads', { device: device, officerId: officer, uploads: uploaded });
    }).then(followThenRelease).catch(function (error) {
      busy(false);
      showError(error.message || String(error));
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('#recent-imports button.show-job'), function (button) {
    button.addEventListener('click', function () {
      showError('');
      fetch(data.importsUrl + '/' + button.dataset.job, { headers: { 'Accept': 'application/json' } })
        .then(answer)
        .then(follow)
        .catch(function (error) {
          showError(error.message);
        });
    });
  });
}());
