// Client of the /ladder page: reads department / role / at from the URL, asks rolegraph's GraphQL
// endpoint for the ladder, and draws it with cytoscape, one row per grade (highest on top).
// Served as a file under a CSP without 'unsafe-inline'; everything user-supplied reaches the DOM
// through textContent, input values or URLSearchParams, never through innerHTML.
(function () {
  'use strict';

  var LADDER_QUERY =
    'query Ladder($department: String, $role: ID, $at: String) {\n' +
    '  ladder(department: $department, role: $role, at: $at) {\n' +
    '    nodes { id title grade family { slug title } }\n' +
    '    edges { from { id } to { id } kind }\n' +
    '    mermaid\n' +
    '    dot\n' +
    '  }\n' +
    '}';

  // Only the first page of families: enough to suggest department names, never needed to draw.
  var DEPARTMENTS_QUERY = 'query Departments { families(first: 100) { edges { node { department } } } }';

  var ROW_GAP = 92;
  var COLUMN_GAP = 225;
  // Colour-blind-friendly pastel fills (node text stays dark and readable on each).
  var PALETTE = ['#a6cee3', '#b2df8a', '#fdbf6f', '#cab2d6', '#fb9a99', '#ffff99', '#8dd3c7', '#bebada', '#80b1d3', '#fccde5', '#d9d9d9', '#ccebc5'];

  function $(id) {
    return document.getElementById(id);
  }

  function graphqlPath() {
    var meta = document.querySelector('meta[name="rolegraph-graphql"]');
    var value = meta && meta.getAttribute('content');
    // Same-origin paths only; anything else falls back rather than posting elsewhere.
    return value && /^\/(?!\/)/.test(value) ? value : '/graphql';
  }

  /** department / role / at from the address bar; empty strings count as absent. */
  function readParams() {
    var search = new URLSearchParams(window.location.search);
    var pick = function (name) {
      var value = (search.get(name) || '').trim();
      return value === '' ? null : value;
    };
    return { department: pick('department'), role: pick('role'), at: pick('at') };
  }

  function fillForm(params) {
    $('field-department').value = params.department || '';
    $('field-role').value = params.role || '';
    $('field-at').value = params.at || '';
  }

  function postGraphql(query, variables) {
    return fetch(graphqlPath(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: query, variables: variables }),
      credentials: 'same-origin',
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try {
          body = JSON.parse(text);
        } catch (err) {
          body = null;
        }
        if (!body || typeof body !== 'object') {
          throw ladderError('HTTP_' + response.status, 'The server answered ' + response.status + ' without a GraphQL result.');
        }
        return body;
      });
    });
  }

  function ladderError(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  function gradeText(grade) {
    return grade === null || grade === undefined ? 'no grade' : 'grade ' + grade;
  }

  function nodeLabel(node) {
    return node.title + ' · ' + gradeText(node.grade);
  }

  /**
   * Positions: one row per distinct grade, highest grade on top, roles without a grade at the
   * bottom. Inside a row, roles start in family order, then two barycentre sweeps (down, up) pull
   * each family's roles under or over their neighbours in other rows so fewer edges cross.
   */
  function gradeRowPositions(nodes, edges) {
    var grades = [];
    nodes.forEach(function (node) {
      if (node.grade !== null && grades.indexOf(node.grade) < 0) grades.push(node.grade);
    });
    grades.sort(function (a, b) {
      return b - a;
    });
    var rowOf = function (node) {
      return node.grade === null ? grades.length : grades.indexOf(node.grade);
    };
    var rows = [];
    nodes.forEach(function (node, index) {
      var r = rowOf(node);
      (rows[r] = rows[r] || []).push({ node: node, index: index });
    });
    rows = rows.filter(Boolean);
    rows.forEach(function (row) {
      row.sort(function (a, b) {
        return a.node.family.slug < b.node.family.slug ? -1 : a.node.family.slug > b.node.family.slug ? 1 : a.index - b.index;
      });
    });

    var neighbours = {};
    edges.forEach(function (edge) {
      (neighbours[edge.from.id] = neighbours[edge.from.id] || []).push(edge.to.id);
      (neighbours[edge.to.id] = neighbours[edge.to.id] || []).push(edge.from.id);
    });
    var x = {};
    var place = function (row) {
      row.forEach(function (item, i) {
        x[item.node.id] = (i - (row.length - 1) / 2) * COLUMN_GAP;
      });
    };
    rows.forEach(place);
    var rowIndexOf = {};
    rows.forEach(function (row, r) {
      row.forEach(function (item) {
        rowIndexOf[item.node.id] = r;
      });
    });
    // A family's roles in one row stay side by side in level order, so the dashed "next level"
    // edge between same-grade roles joins neighbours instead of running behind a third box.
    var sweep = function (row, r) {
      var groups = {};
      var order = [];
      row.forEach(function (item) {
        var near = (neighbours[item.node.id] || []).filter(function (id) {
          return rowIndexOf[id] !== r;
        });
        var key = near.length
          ? near.reduce(function (acc, id) {
              return acc + x[id];
            }, 0) / near.length
          : x[item.node.id];
        var slug = item.node.family.slug;
        if (!groups[slug]) {
          groups[slug] = { items: [], sum: 0, first: order.length };
          order.push(slug);
        }
        groups[slug].items.push(item);
        groups[slug].sum += key;
      });
      var sortedGroups = order.map(function (slug) {
        var group = groups[slug];
        group.items.sort(function (a, b) {
          return a.index - b.index;
        });
        return { items: group.items, key: group.sum / group.items.length, first: group.first };
      });
      sortedGroups.sort(function (a, b) {
        return a.key - b.key || a.first - b.first;
      });
      var sorted = [];
      sortedGroups.forEach(function (group) {
        sorted = sorted.concat(group.items);
      });
      place(sorted);
      return sorted;
    };
    for (var r = 1; r < rows.length; r++) rows[r] = sweep(rows[r], r);
    for (var u = rows.length - 2; u >= 0; u--) rows[u] = sweep(rows[u], u);

    var positions = {};
    rows.forEach(function (row, r) {
      row.forEach(function (item) {
        positions[item.node.id] = { x: x[item.node.id], y: r * ROW_GAP };
      });
    });
    return positions;
  }

  function familyColours(nodes) {
    var slugs = [];
    var titles = {};
    nodes.forEach(function (node) {
      if (slugs.indexOf(node.family.slug) < 0) slugs.push(node.family.slug);
      titles[node.family.slug] = node.family.title;
    });
    slugs.sort();
    var colours = {};
    slugs.forEach(function (slug, i) {
      colours[slug] = PALETTE[i % PALETTE.length];
    });
    return { slugs: slugs, titles: titles, colours: colours };
  }

  var CY_STYLE = [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 205,
        height: 60,
        'background-color': 'data(colour)',
        'border-width': 1,
        'border-color': '#1f2937',
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': 192,
        'text-valign': 'center',
        'text-halign': 'center',
        'font-size': 14,
        'font-family': 'DejaVu Sans, Liberation Sans, Arial, sans-serif',
        color: '#111827',
      },
    },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1d4ed8' } },
    {
      selector: 'edge',
      style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 1.1 },
    },
    {
      selector: 'edge.LADDER_LINK',
      style: { width: 2.5, 'line-color': '#c2410c', 'target-arrow-color': '#c2410c', 'line-style': 'solid' },
    },
    {
      selector: 'edge.LEVEL_ORDER',
      style: { width: 1.8, 'line-color': '#475569', 'target-arrow-color': '#475569', 'line-style': 'dashed', 'line-dash-pattern': [7, 4] },
    },
  ];

  function draw(ladder) {
    var palette = familyColours(ladder.nodes);
    var ids = {};
    ladder.nodes.forEach(function (node) {
      ids[node.id] = true;
    });
    // An edge whose end is not among the nodes cannot be drawn (cytoscape would throw); count it.
    var drawable = ladder.edges.filter(function (edge) {
      return ids[edge.from.id] && ids[edge.to.id];
    });
    document.body.dataset.skippedEdges = String(ladder.edges.length - drawable.length);
    var positions = gradeRowPositions(ladder.nodes, drawable);
    var elements = ladder.nodes.map(function (node) {
      return {
        group: 'nodes',
        data: { id: node.id, label: nodeLabel(node), grade: node.grade, family: node.family.slug, colour: palette.colours[node.family.slug] },
        position: positions[node.id],
      };
    });
    drawable.forEach(function (edge, i) {
      elements.push({ group: 'edges', data: { id: 'edge-' + i, source: edge.from.id, target: edge.to.id, kind: edge.kind }, classes: edge.kind });
    });
    var cy = window.cytoscape({
      container: $('ladder-graph'),
      elements: elements,
      style: CY_STYLE,
      layout: { name: 'preset', fit: true, padding: 30 },
      minZoom: 0.2,
      maxZoom: 2.5,
      autoungrabify: false,
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', function (event) {
      showRole(event.target.data());
    });
    window.__ladder = cy;
    listNodes(ladder);
    listFamilies(palette);
    return cy;
  }

  function listNodes(ladder) {
    var nodeList = $('ladder-nodes');
    nodeList.replaceChildren();
    ladder.nodes.forEach(function (node) {
      var li = document.createElement('li');
      li.dataset.id = node.id;
      li.textContent = node.id;
      nodeList.appendChild(li);
    });
    var edgeList = $('ladder-edges');
    edgeList.replaceChildren();
    ladder.edges.forEach(function (edge) {
      var li = document.createElement('li');
      li.dataset.from = edge.from.id;
      li.dataset.to = edge.to.id;
      li.dataset.kind = edge.kind;
      li.textContent = edge.from.id + ' → ' + edge.to.id + ' (' + edge.kind + ')';
      edgeList.appendChild(li);
    });
  }

  function listFamilies(palette) {
    var list = $('legend-families');
    list.replaceChildren();
    palette.slugs.forEach(function (slug) {
      var li = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch family';
      swatch.style.backgroundColor = palette.colours[slug];
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(' ' + (palette.titles[slug] || slug)));
      li.title = slug;
      list.appendChild(li);
    });
  }

  /** The tapped role's details, with a link that redraws the ladder around it at the same ref. */
  function showRole(data) {
    var params = readParams();
    var next = new URLSearchParams();
    next.set('role', data.id);
    if (params.at) next.set('at', params.at);
    var status = $('ladder-status');
    status.replaceChildren();
    status.appendChild(document.createTextNode(data.label + ' — ' + data.id + ' '));
    var link = document.createElement('a');
    link.href = '/ladder?' + next.toString();
    link.textContent = 'ladder around this role';
    status.appendChild(link);
  }

  function offerExports(ladder) {
    $('ladder-mermaid').textContent = ladder.mermaid;
    $('ladder-dot').textContent = ladder.dot;
    var link = function (id, text, type) {
      var anchor = $(id);
      if (anchor.href && anchor.href.indexOf('blob:') === 0) URL.revokeObjectURL(anchor.href);
      anchor.href = URL.createObjectURL(new Blob([text], { type: type }));
    };
    link('export-mermaid', ladder.mermaid, 'text/plain;charset=utf-8');
    link('export-dot', ladder.dot, 'text/vnd.graphviz;charset=utf-8');
  }

  function describe(params, ladder) {
    var scope = params.role ? 'around ' + params.role : params.department ? 'in ' + params.department : 'in every department';
    var at = params.at ? ' at ' + params.at : ' at head';
    return ladder.nodes.length + ' roles, ' + ladder.edges.length + ' moves ' + scope + at + '. Tap a role for details.';
  }

  function showError(error) {
    var code = error && error.code ? error.code : 'ERROR';
    var message = error && error.message ? error.message : String(error);
    var box = $('ladder-error');
    box.textContent = code + ': ' + message;
    box.hidden = false;
    $('ladder-status').textContent = 'Could not draw the ladder.';
    document.body.dataset.errorCode = code;
    document.body.dataset.state = 'error';
  }

  function loadDepartments() {
    postGraphql(DEPARTMENTS_QUERY, {})
      .then(function (body) {
        var edges = body && body.data && body.data.families ? body.data.families.edges : [];
        var seen = {};
        var list = $('departments');
        edges.forEach(function (edge) {
          var name = edge.node.department;
          if (!name || seen[name]) return;
          seen[name] = true;
          var option = document.createElement('option');
          option.value = name;
          list.appendChild(option);
        });
      })
      .catch(function () {
        // Suggestions only; the page works without them.
      });
  }

  function start() {
    var params = readParams();
    fillForm(params);
    if (typeof window.cytoscape !== 'function') {
      showError(ladderError('NO_RENDERER', 'cytoscape did not load from /assets/cytoscape.min.js.'));
      return;
    }
    postGraphql(LADDER_QUERY, params)
      .then(function (body) {
        if (body.errors && body.errors.length) {
          var first = body.errors[0];
          throw ladderError((first.extensions && first.extensions.code) || 'GRAPHQL_ERROR', first.message || 'GraphQL error');
        }
        var ladder = body.data && body.data.ladder;
        if (!ladder) throw ladderError('NOT_FOUND', 'No ladder in the answer.');
        draw(ladder);
        offerExports(ladder);
        $('ladder-status').textContent = ladder.nodes.length ? describe(params, ladder) : 'No roles match these filters.';
        document.body.dataset.state = 'ready';
      })
      .catch(showError);
    loadDepartments();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
