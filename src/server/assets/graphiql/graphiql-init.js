// Starts GraphiQL on /graphql. Loaded as a file (not inline) so the page's Content-Security-Policy
// needs no 'unsafe-inline'. A `?query=` in the address is read here, on the client, and handed to
// the editor as text: it never passes through the server's HTML.
(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint') || '/graphql';
  var example = document.getElementById('example-query').textContent;
  var params = new URLSearchParams(window.location.search);

  // A plain same-origin POST with a JSON content type, which Apollo's CSRF prevention accepts.
  function fetcher(graphQLParams, opts) {
    var headers = { 'content-type': 'application/json', accept: 'application/json' };
    var extra = (opts && opts.headers) || {};
    Object.keys(extra).forEach(function (k) { headers[k] = extra[k]; });
    return fetch(endpoint, {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: JSON.stringify(graphQLParams),
    }).then(function (res) { return res.json(); });
  }

  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: example,
      query: params.get('query') || example,
      variables: params.get('variables') || undefined,
      defaultEditorToolsVisibility: false,
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: true,
    }),
  );
})();
