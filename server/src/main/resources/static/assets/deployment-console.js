// The deployment operator's console (docs/tenants.md): signs in through the deployment API, keeps the token in this
// tab's sessionStorage, and lists, creates, suspends, resumes, renames and closes tenants through the same API, each
// change under its own Idempotency-Key. Labels come from the page (the message bundles); errors are the API's
// message in the page's language.
(function () {
  'use strict';
  var main = document.getElementById('deployment');
  var api = main.dataset.api;
  var lang = main.dataset.lang === 'en' ? 'en' : 'zh-CN';
  var message = document.getElementById('deploy-message');
  var TOKEN = 'zengzhi.deployment.token';

  function call(method, path, body) {
    var headers = {'Accept-Language': lang};
    var token = sessionStorage.getItem(TOKEN);
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    if (method !== 'GET') {
      headers['Idempotency-Key'] = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(api + path, {method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body)})
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (response.status === 401 && path !== '/login') {
            signedOut();
          }
          if (!response.ok) {
            throw new Error((json.message || json.detail || main.dataset.failed) + ' (' + response.status + ')');
          }
          return json;
        });
      });
  }

  function say(text, ok) {
    message.textContent = text;
    message.className = ok ? 'ok' : 'error';
  }

  function signedOut() {
    sessionStorage.removeItem(TOKEN);
    document.getElementById('deploy-signin').hidden = false;
    document.getElementById('deploy-tenants').hidden = true;
    document.getElementById('deploy-create').hidden = true;
    document.getElementById('deploy-sign-out').hidden = true;
  }

  function button(label, id, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.id = id;
    b.textContent = label;
    b.addEventListener('click', action);
    return b;
  }

  function change(path, body, done) {
    return call('POST', path, body).then(function () {
      say(main.dataset.done, true);
      if (done) {
        done();
      }
      return load();
    }).catch(function (e) { say(e.message, false); });
  }

  function row(tenant) {
    var tr = document.createElement('tr');
    tr.id = 'tenant-' + tenant.slug;
    var status = main.dataset['status' + tenant.status.charAt(0) + tenant.status.slice(1).toLowerCase()];
    [tenant.slug, tenant.name, tenant.plan, status + (tenant.status === 'CLOSED' ? '' : ' · '
        + (tenant.running ? main.dataset.running : tenant.standby ? main.dataset.standby : main.dataset.stopped))].forEach(function (text, i) {
      var td = document.createElement('td');
      td.textContent = text;
      td.className = ['slug', 'name', 'plan', 'status'][i];
      tr.appendChild(td);
    });
    var actions = document.createElement('td');
    var base = '/tenants/' + encodeURIComponent(tenant.slug);
    if (tenant.status === 'ACTIVE') {
      actions.appendChild(button(main.dataset.suspend, 'suspend-' + tenant.slug, function () { change(base + '/suspend'); }));
    } else if (tenant.status === 'SUSPENDED' && !tenant.movedTo) {
      actions.appendChild(button(main.dataset.resume, 'resume-' + tenant.slug, function () { change(base + '/resume'); }));
      if (tenant.journal !== 'KAFKA') {
        // The import onto the server's Kafka journal (docs/cluster.md); refused with a message without brokers.
        actions.appendChild(button(main.dataset.kafka, 'kafka-' + tenant.slug, function () {
          change(base + '/journal/kafka');
        }));
      }
    }
    if (tenant.status !== 'CLOSED') {
      var rename = document.createElement('form');
      rename.className = 'row-form';
      rename.addEventListener('submit', function (event) { event.preventDefault(); });
      var name = document.createElement('input');
      name.id = 'rename-' + tenant.slug;
      name.value = tenant.name;
      rename.appendChild(name);
      rename.appendChild(button(main.dataset.rename, 'rename-submit-' + tenant.slug, function () {
        change(base + '/rename', {name: name.value});
      }));
      actions.appendChild(rename);
    }
    if (tenant.status === 'SUSPENDED') {
      var close = document.createElement('form');
      close.className = 'row-form';
      close.addEventListener('submit', function (event) { event.preventDefault(); });
      var confirm = document.createElement('input');
      confirm.id = 'close-confirm-' + tenant.slug;
      confirm.placeholder = main.dataset.confirm;
      close.appendChild(confirm);
      close.appendChild(button(main.dataset.close, 'close-submit-' + tenant.slug, function () {
        change(base + '/close', {confirm: confirm.value});
      }));
      actions.appendChild(close);
    }
    tr.appendChild(actions);
    return tr;
  }

  function load() {
    return call('GET', '/tenants').then(function (json) {
      document.getElementById('deploy-signin').hidden = true;
      document.getElementById('deploy-tenants').hidden = false;
      document.getElementById('deploy-create').hidden = false;
      document.getElementById('deploy-sign-out').hidden = false;
      var rows = document.getElementById('deploy-rows');
      rows.replaceChildren.apply(rows, json.tenants.map(row));
    });
  }

  document.getElementById('deploy-signin').addEventListener('submit', function (event) {
    event.preventDefault();
    call('POST', '/login', {username: 'deployment', password: document.getElementById('deploy-password').value})
      .then(function (json) {
        sessionStorage.setItem(TOKEN, json.token);
        say('', true);
        return load();
      }).catch(function (e) { say(e.message, false); });
  });
  document.getElementById('deploy-create').addEventListener('submit', function (event) {
    event.preventDefault();
    change('/tenants', {slug: document.getElementById('create-slug').value,
      name: document.getElementById('create-name').value, plan: document.getElementById('create-plan').value,
      operatorPassword: document.getElementById('create-password').value},
      function () { document.getElementById('deploy-create').reset(); });
  });
  document.getElementById('deploy-sign-out').addEventListener('click', signedOut);
  if (sessionStorage.getItem(TOKEN)) {
    load().catch(function () { signedOut(); });
  }
}());
