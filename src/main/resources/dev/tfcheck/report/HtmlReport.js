
// tfcheck HTML report: the results table of each plan, with filters, pages and per-resource detail,
// rendered from the plan's JSON data block. Data only ever reaches the page as textContent: no
// markup or code is built from a plan's values. A filter scans every result (a few milliseconds
// for 20,000) and only one page of rows is in the DOM, so a keystroke stays fast on large plans.
'use strict';
(function () {
  const PAGE_SIZE = 100;
  const dialog = document.querySelector('dialog.detail');

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function option(value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  function PlanResults(section) {
    const data = JSON.parse(section.querySelector('script.results-data').textContent);
    const outcomes = data.outcomes;
    const severities = data.severities;
    const rules = data.rules; // [id, title, docs, recommended action]
    const addresses = data.addresses;
    const locations = data.locations; // where each address is declared, with --source-dir
    const results = data.results; // [rule, address, outcome, severity, path, message, 1 if in the baseline]
    const lowerAddresses = addresses.map((a) => a.toLowerCase());
    const form = section.querySelector('form.filters');
    const tbody = section.querySelector('table.results tbody');
    const shown = section.querySelector('.shown');
    const pageLabel = section.querySelector('.pager .page');
    const prev = section.querySelector('.pager .prev');
    const next = section.querySelector('.pager .next');
    let matched = [];
    let page = 0;
    let byAddress = null;

    function count(column, value) {
      let n = 0;
      for (const r of results) if (r[column] === value) n++;
      return n;
    }
    outcomes.forEach((o, i) => form.outcome.append(option(String(i), o + ' (' + count(2, i) + ')')));
    severities.forEach((s, i) => {
      const n = count(3, i);
      if (n > 0) form.severity.append(option(String(i), s + ' (' + n + ')'));
    });
    rules.forEach((r, i) => form.rule.append(option(String(i), r[0] + ' ' + r[1])));

    function selected(select) {
      return select.value === '' ? -1 : Number(select.value);
    }

    function filter() {
      const outcome = selected(form.outcome);
      const severity = selected(form.severity);
      const rule = selected(form.rule);
      const text = form.address.value.trim().toLowerCase();
      const out = [];
      for (let i = 0; i < results.length; i++) {
        const r = results[i];
        if ((outcome < 0 || r[2] === outcome) && (severity < 0 || r[3] === severity) &&
            (rule < 0 || r[0] === rule) && (text === '' || lowerAddresses[r[1]].includes(text))) {
          out.push(i);
        }
      }
      matched = out;
      page = 0;
      render(false);
    }

    function describeFilters() {
      const parts = [];
      if (form.outcome.value !== '') parts.push('outcome ' + outcomes[form.outcome.value]);
      if (form.severity.value !== '') parts.push('severity ' + severities[form.severity.value]);
      if (form.rule.value !== '') parts.push('rule ' + rules[form.rule.value][0]);
      const text = form.address.value.trim();
      if (text !== '') parts.push('address contains "' + text + '"');
      return parts.join(', ');
    }

    function ruleCell(r) {
      const td = el('td');
      td.append(el('code', '', rules[r[0]][0]), el('span', 'title', rules[r[0]][1]));
      return td;
    }

    function whyCell(r) {
      const td = el('td', 'why', r[5]);
      if (r[4] !== '') td.append(el('span', 'path mono', r[4]));
      return td;
    }

    function outcomeCell(r) {
      const td = el('td');
      td.append(el('span', 'badge ' + outcomes[r[2]], outcomes[r[2]]));
      if (r[6] === 1) td.append(el('span', 'tag', 'in the baseline'));
      return td;
    }

    function declared(a) {
      const at = locations[a];
      return at ? 'declared at ' + at : '';
    }

    function row(i) {
      const r = results[i];
      const tr = el('tr');
      const address = el('td', 'address');
      const button = el('button', 'address', addresses[r[1]]);
      button.type = 'button';
      button.dataset.address = String(r[1]);
      address.append(button);
      if (declared(r[1]) !== '') address.append(el('span', 'where', declared(r[1])));
      tr.append(outcomeCell(r), el('td', 'sev ' + severities[r[3]], severities[r[3]]), ruleCell(r), address, whyCell(r));
      return tr;
    }

    /** One page, or with everything = true every matched row (for printing). */
    function render(everything) {
      const pages = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
      const first = everything ? 0 : page * PAGE_SIZE;
      const last = everything ? matched.length : Math.min(matched.length, first + PAGE_SIZE);
      const rows = document.createDocumentFragment();
      for (let k = first; k < last; k++) rows.append(row(matched[k]));
      if (matched.length === 0) {
        const td = el('td', 'none', 'No result matches these filters.');
        td.colSpan = 5;
        const tr = el('tr');
        tr.append(td);
        rows.append(tr);
      }
      tbody.replaceChildren(rows);
      const filters = describeFilters();
      shown.replaceChildren(
          el('strong', 'matched', String(matched.length)),
          (filters === '' ? ' results' : ' of ' + results.length + ' results match ' + filters) +
          (matched.length === 0 ? '.' : ', showing ' + (first + 1) + '\u2013' + last + '.'));
      pageLabel.textContent = 'Page ' + (everything ? 1 : page + 1) + ' of ' + (everything ? 1 : pages);
      prev.disabled = everything || page === 0;
      next.disabled = everything || page >= pages - 1;
    }

    function detail(addressIndex) {
      if (byAddress === null) {
        byAddress = new Map();
        results.forEach((r, i) => {
          if (!byAddress.has(r[1])) byAddress.set(r[1], []);
          byAddress.get(r[1]).push(i);
        });
      }
      const own = byAddress.get(addressIndex);
      const header = el('header');
      const heading = el('div');
      const title = el('h2', '', addresses[addressIndex]);
      title.id = 'detail-title';
      heading.append(title);
      const counts = outcomes.map((o, i) => own.filter((k) => results[k][2] === i).length + ' ' + o.toLowerCase());
      heading.append(el('p', 'note', own.length + ' results: ' + counts.join(', ') + '.'));
      if (declared(addressIndex) !== '') heading.append(el('p', 'note', declared(addressIndex)));
      const close = el('button', 'close', 'Close');
      close.type = 'button';
      close.addEventListener('click', () => dialog.close());
      header.append(heading, close);
      const table = el('table', 'judged');
      const head = el('tr');
      ['Outcome', 'Severity', 'Rule', 'Why'].forEach((h) => head.append(el('th', '', h)));
      const thead = el('thead');
      thead.append(head);
      const body = el('tbody');
      for (const i of own) {
        const r = results[i];
        const why = whyCell(r);
        const rule = rules[r[0]];
        if (outcomes[r[2]] !== 'PASS' && rule[3] !== '') why.append(el('span', 'action', 'What to do: ' + rule[3]));
        if (rule[2] !== '') why.append(el('span', 'path mono', rule[2]));
        const tr = el('tr');
        tr.append(outcomeCell(r), el('td', 'sev ' + severities[r[3]], severities[r[3]]), ruleCell(r), why);
        body.append(tr);
      }
      table.append(thead, body);
      dialog.replaceChildren(header, table);
      if (!dialog.open) dialog.showModal();
    }

    form.addEventListener('input', filter);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('reset', () => setTimeout(filter, 0));
    // A new page starts at its first row, not where the pager left the reader.
    function turn(by) {
      page += by;
      render(false);
      shown.scrollIntoView({ block: 'start' });
    }
    prev.addEventListener('click', () => turn(-1));
    next.addEventListener('click', () => turn(1));
    tbody.addEventListener('click', (e) => {
      const button = e.target.closest('button.address');
      if (button) detail(Number(button.dataset.address));
    });
    filter();
    return { render };
  }

  const plans = Array.from(document.querySelectorAll('section.plan'), PlanResults);
  // An auditor prints every control and what the filters select, every row of it, not just what
  // is open or on the page on screen.
  let folded = null;
  window.addEventListener('beforeprint', () => {
    if (folded === null) {
      folded = Array.from(document.querySelectorAll('details.framework:not([open])'));
      folded.forEach((d) => { d.open = true; });
    }
    plans.forEach((p) => p.render(true));
  });
  window.addEventListener('afterprint', () => {
    if (folded !== null) {
      folded.forEach((d) => { d.open = false; });
      folded = null;
    }
    plans.forEach((p) => p.render(false));
  });
  performance.mark('tfcheck-ready');
})();
