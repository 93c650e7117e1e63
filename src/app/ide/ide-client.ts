/**
 * The IDE page's own script and style (served as /ide/ide.js and /ide/ide.css; the page's CSP allows no
 * inline script). The sign-in helper calls the `login` mutation and keeps the token in localStorage;
 * GraphiQL's fetcher sends it as `Authorization: Bearer`, and the IDE is re-created after signing in
 * or out so it reloads the schema (anonymous callers' limits are too low for the introspection query).
 */
export const IDE_CLIENT_SCRIPT = `(function () {
  'use strict';
  var TOKEN_KEY = 'jixiao.token';
  var ENDPOINT = '/graphql';
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var generation = 0;
  var status = document.getElementById('jx-status');

  function token() {
    try { return window.localStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
  }

  function post(body, extraHeaders) {
    var headers = Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, extraHeaders || {});
    var t = token();
    if (t && !headers.authorization && !headers.Authorization) headers.authorization = 'Bearer ' + t;
    return fetch(ENDPOINT, { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) { return res.json(); });
  }

  function fetcher(params, options) {
    return post(params, options && options.headers);
  }

  function render() {
    generation += 1;
    status.textContent = token() ? '已登录 Signed in' : '未登录 Not signed in';
    root.render(React.createElement(GraphiQL, {
      key: generation,
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery: '# 先登录，再运行查询 Sign in above, then run a query (Ctrl-Enter)\\n{\\n  me {\\n    user {\\n      login\\n    }\\n  }\\n}\\n'
    }));
  }

  document.getElementById('jx-login').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var input = { login: form.login.value, password: form.password.value };
    if (form.tenant.value) input.tenant = form.tenant.value;
    status.textContent = '…';
    try { window.localStorage.removeItem(TOKEN_KEY); } catch (e) { /* private mode */ }
    post({
      query: 'mutation IdeLogin($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }',
      variables: { input: input }
    }).then(function (result) {
      var payload = result && result.data && result.data.login;
      if (payload && payload.token) {
        window.localStorage.setItem(TOKEN_KEY, payload.token);
        form.password.value = '';
        render();
        return;
      }
      var error = (payload && payload.userErrors && payload.userErrors[0]) || (result.errors && result.errors[0]);
      status.textContent = error ? error.message : '登录失败 Sign-in failed';
    }, function () {
      status.textContent = '无法连接 Cannot reach the API';
    });
  });

  document.getElementById('jx-sign-out').addEventListener('click', function () {
    try { window.localStorage.removeItem(TOKEN_KEY); } catch (e) { /* private mode */ }
    render();
  });

  render();
})();
`;

export const IDE_STYLE = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
#jx-login { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; padding: 0.4rem 0.8rem;
  border-bottom: 1px solid #ddd; font-size: 0.85rem; }
#jx-login input { width: 9rem; }
#jx-status { color: #555; }
#graphiql { flex: 1; min-height: 0; }
`;
