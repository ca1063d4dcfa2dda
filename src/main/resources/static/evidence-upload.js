// Upload page of the "Collect evidence" task: /evidence-upload.html?incident=INC-...&item=...
// Streams the chosen file to the evidence API (the browser sends it from disk) and shows the SHA-256 it answers.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var $ = function (id) { return document.getElementById(id); };
  var auth = null;
  var lastItem = null;

  function fail(message) {
    $('error').textContent = message;
    $('error').hidden = false;
  }

  function problemText(status, body) {
    if (!body) { return 'HTTP ' + status; }
    var lines = [body.detail || body.title || body.message || ('HTTP ' + status)];
    (body.errors || []).forEach(function (e) { lines.push((e.field || '') + ': ' + (e.message || e.problem || '')); });
    return lines.join('\n');
  }

  function call(method, path, body) {
    return fetch(path, {
      method: method, body: body, credentials: 'omit', cache: 'no-store',
      headers: { 'Authorization': auth, 'Accept': 'application/json' }
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        if (!response.ok) {
          var error = new Error(response.status === 401 ? 'User or password wrong.' : problemText(response.status, json));
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  function localNow() {
    var d = new Date();
    d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
    return d.toISOString().slice(0, 19);
  }

  // the items the incident's open evidence collection still waits for (its variables, readable by the team)
  function loadMissing(incident) {
    var wanted = params.get('item');
    return call('GET', '/engine-rest/process-instance?processDefinitionKey=evidence-collection&businessKey='
        + encodeURIComponent(incident)).then(function (instances) {
      if (!instances || instances.length === 0) { return []; }
      return call('GET', '/engine-rest/process-instance/' + encodeURIComponent(instances[0].id)
          + '/variables/missingItems?deserializeValue=false').then(function (v) {
        return (v && v.value ? String(v.value) : '').split(',').map(function (s) { return s.trim(); })
            .filter(function (s) { return s.length > 0; });
      }, function () { return []; });
    }, function () { return []; }).then(function (missing) {
      var names = missing.slice();
      if (wanted && names.indexOf(wanted) < 0) { names.unshift(wanted); }
      showItems(names);
      $('missing').textContent = 'Requested items still missing or not verified: '
          + (missing.length ? missing.join(', ') : 'none known');
    });
  }

  function showItems(names) {
    var select = $('item');
    var wanted = params.get('item');
    while (select.options.length > 1) { select.remove(1); }
    names.forEach(function (name) {
      var option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      select.appendChild(option);
    });
    select.value = wanted || names[0] || '';
  }

  $('incident').value = params.get('incident') || '';
  $('incident-label').textContent = params.get('incident') || 'an incident';
  $('collectedAt').value = localNow();
  showItems(params.get('item') ? [params.get('item')] : []);

  $('login').addEventListener('submit', function (event) {
    event.preventDefault();
    $('error').hidden = true;
    auth = 'Basic ' + btoa(unescape(encodeURIComponent($('user').value + ':' + $('password').value)));
    $('password').value = '';
    call('GET', '/api/me').then(function () {
      $('login').hidden = true;
      $('upload').hidden = false;
      if ($('incident').value) { return loadMissing($('incident').value); }
    }).catch(function (e) { auth = null; fail(e.message); });
  });

  $('upload').addEventListener('submit', function (event) {
    event.preventDefault();
    $('error').hidden = true;
    $('result').hidden = true;
    var incident = $('incident').value.trim();
    var form = new FormData();
    form.append('file', $('file').files[0]);
    form.append('description', $('description').value);
    form.append('collectedAt', new Date($('collectedAt').value).toISOString());
    ['item', 'sourceSystem', 'collectionMethod'].forEach(function (field) {
      if ($(field).value.trim()) { form.append(field, $(field).value.trim()); }
    });
    $('send').disabled = true;
    $('send').textContent = 'Uploading...';
    call('POST', '/api/incidents/' + encodeURIComponent(incident) + '/evidence', form).then(function (stored) {
      lastItem = { incident: incident, id: stored.id };
      $('result-id').textContent = stored.id + (stored.item ? ' (item ' + stored.item + ')' : '');
      $('result-file').textContent = stored.fileName;
      $('result-size').textContent = stored.size + ' bytes';
      $('result-sha').textContent = stored.sha256;
      $('verify-result').textContent = '';
      $('result').hidden = false;
    }).catch(function (e) {
      fail(e.status === 413 ? 'The file is over the upload limit: use the API route (curl) for it.\n' + e.message
          : e.message);
    }).then(function () {
      $('send').disabled = false;
      $('send').textContent = 'Upload';
    });
  });

  $('verify').addEventListener('click', function () {
    if (!lastItem) { return; }
    call('POST', '/api/incidents/' + encodeURIComponent(lastItem.incident) + '/evidence/'
        + encodeURIComponent(lastItem.id) + '/verify').then(function (v) {
      $('verify-result').textContent = v.intact ? 'Verified: the stored bytes still hash to ' + v.actualSha256
          : 'NOT intact: ' + (v.detail || ('expected ' + v.expectedSha256 + ', found ' + v.actualSha256));
      return loadMissing(lastItem.incident);
    }).catch(function (e) { fail(e.message); });
  });
}());
