/* Glappet dashboard: fills the page from the inlined data (script#glappet-data) and draws the charts
   with the inlined ECharts (SVG renderer, so every label is real text). No network, no storage. */
(function () {
  'use strict';

  const NBSP = '\u00a0';
  const MINUS = '\u2212';
  const SUPPRESSED = '..';
  const MISSING = '\u2013';
  const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
    'oktober', 'november', 'december'];
  const MONTHS_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

  // ---------------------------------------------------------------- Swedish formatting
  /** Swedish number formatting: no-break space between thousands, decimal comma, minus sign U+2212. */
  const Format = {
    /** v rounded half away from zero to `decimals` places: 1234.5 -> "1 234,5"; null for no number. */
    number(v, decimals) {
      if (v === null || v === undefined || !isFinite(v)) return null;
      const fixed = Math.abs(Number(v)).toFixed(decimals || 0);
      const parts = fixed.split('.');
      const digits = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
      const negative = Number(v) < 0 && /[1-9]/.test(fixed);
      return (negative ? MINUS : '') + digits + (parts.length > 1 ? ',' + parts[1] : '');
    },
    /** Like number() with at most maxDecimals places and no trailing zeros: 45.0 -> "45", 45.5 -> "45,5". */
    trimmed(v, maxDecimals) {
      const s = Format.number(v, maxDecimals);
      return s !== null && s.indexOf(',') >= 0 ? s.replace(/,?0+$/, '') : s;
    },
    integer(v) { return Format.number(v, 0); },
    /** Whole kronor: 1234567.89 -> "1 234 568 kr". */
    kr(v) {
      const s = Format.number(v, 0);
      return s === null ? null : s + NBSP + 'kr';
    },
    /** A share (0.123) as per cent: "12,3 %". */
    percent(share, decimals) {
      const s = share === null || share === undefined ? null : Format.number(share * 100, decimals === undefined ? 1 : decimals);
      return s === null ? null : s + NBSP + '%';
    },
    /** A change, with its sign: "+34", "−1 234 kr", "±0". format gives the text of the absolute value. */
    signed(v, format) {
      if (v === null || v === undefined || !isFinite(v)) return null;
      const s = format(Math.abs(v));
      if (!/[1-9]/.test(s)) return '\u00b1' + s;
      return (v > 0 ? '+' : MINUS) + s;
    },
    /** Axis labels in kronor, one unit for the whole axis (from its largest value): "1,5 mnkr", "250 tkr", "900 kr", "0". */
    krAxis(max) {
      const a = Math.abs(max || 0);
      const withUnit = format => v => (v === 0 ? '0' : format(v));
      if (a >= 1e6) return withUnit(v => Format.trimmed(v / 1e6, 1) + NBSP + 'mnkr');
      if (a >= 1e4) return withUnit(v => Format.trimmed(v / 1e3, 1) + NBSP + 'tkr');
      return withUnit(v => Format.number(v, 0) + NBSP + 'kr');
    },
    /** "2024-03" -> "mars 2024". */
    period(p) { return p ? MONTHS[Number(p.slice(5, 7)) - 1] + ' ' + p.slice(0, 4) : null; },
    /** "2024-03" -> "mar 2024". */
    periodShort(p) { return p ? MONTHS_SHORT[Number(p.slice(5, 7)) - 1] + ' ' + p.slice(0, 4) : null; },
    /** "2024-04-01" -> "1 april 2024". */
    date(iso) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
      return m ? Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1] : null;
    },
    /** The day before an ISO date, as an ISO date. */
    dayBefore(iso) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
      if (!m) return null;
      return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1)).toISOString().slice(0, 10);
    },
    /** The month before "YYYY-MM". */
    previousMonth(p) {
      const y = Number(p.slice(0, 4)), m = Number(p.slice(5, 7));
      return m === 1 ? (y - 1) + '-12' : y + '-' + String(m - 1).padStart(2, '0');
    },
    /** The last day of "YYYY-MM" as an ISO date. */
    lastDay(p) {
      return new Date(Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5, 7)), 0)).toISOString().slice(0, 10);
    }
  };
  window.GlappetFormat = Format;

  // ---------------------------------------------------------------- data
  const data = JSON.parse(document.getElementById('glappet-data').textContent);
  const meta = data.meta || {};
  const names = data.names || {};
  const counties = data.counties || {};
  const SOD = data.sodertorn || [];
  const nameOf = code => names[code] || code;
  const collator = typeof Intl === 'object' && Intl.Collator ? new Intl.Collator('sv') : null;
  const byName = (a, b) => collator ? collator.compare(nameOf(a), nameOf(b)) : nameOf(a).localeCompare(nameOf(b));
  const sodSorted = SOD.slice().sort(byName);
  const isSod = code => SOD.indexOf(code) >= 0;

  function objects(table) {
    if (!table || !table.cols) return [];
    return table.rows.map(r => {
      const o = {};
      table.cols.forEach((c, i) => { o[c] = r[i]; });
      return o;
    });
  }
  function index(rows, keys) {
    const root = {};
    rows.forEach(r => {
      let node = root;
      keys.slice(0, -1).forEach(k => { node = node[r[k]] = node[r[k]] || {}; });
      node[r[keys[keys.length - 1]]] = r;
    });
    return root;
  }
  const dig = (obj, ...keys) => keys.reduce((o, k) => (o ? o[k] : undefined), obj);
  const gapRows = objects(data.gap);
  const natRows = objects(data.national);
  const nat = index(natRows, ['period', 'kpi', 'area_type', 'area_code']);
  const uniqueSorted = list => Array.from(new Set(list)).sort();
  const periods = uniqueSorted(gapRows.map(r => r.period));
  const natPeriods = uniqueSorted(natRows.map(r => r.period));
  const latest = periods.length ? periods[periods.length - 1] : null;
  const previous = latest ? Format.previousMonth(latest) : null;

  // ---------------------------------------------------------------- figures
  // A figure is {state: 'ok' | 'suppressed' | 'notReported' | 'missing', value, partial, members}.
  // The eight municipalities' figures and Södertörn's totals come ready from DashboardData
  // (SodertornFigures, AreaTotal): every rule about .., – and * is applied there; the page formats.
  const MISSING_FIG = Object.freeze({ state: 'missing' });
  const SUPPRESSED_FIG = Object.freeze({ state: 'suppressed' });
  const NOT_REPORTED_FIG = Object.freeze({ state: 'notReported' });
  const STATES = { SHOWN: 'ok', SUPPRESSED: 'suppressed', NOT_REPORTED: 'notReported', ABSENT: 'missing' };
  function readFig(f) {
    if (!f) return MISSING_FIG;
    const state = STATES[f.state] || 'missing';
    if (state !== 'ok') return state === 'suppressed' ? SUPPRESSED_FIG : state === 'notReported' ? NOT_REPORTED_FIG : MISSING_FIG;
    return { state: 'ok', value: Number(f.value), partial: !!f.partial, members: (f.members || []).join(',') };
  }
  const figures = data.figures || {};
  function diff(a, b) {
    if (a.state === 'suppressed' || b.state === 'suppressed') return SUPPRESSED_FIG;
    if (a.state !== 'ok' || b.state !== 'ok') return MISSING_FIG;
    if ((a.partial || b.partial) && a.members !== b.members) return SUPPRESSED_FIG;
    return { state: 'ok', value: a.value - b.value };
  }
  function text(f, format) {
    if (f.state === 'suppressed') return SUPPRESSED;
    if (f.state !== 'ok') return MISSING;
    return format(f.value);
  }
  const plot = f => (f.state === 'ok' ? f.value : null);

  /** A gap_monthly figure of one of the eight, or Södertörn's total with code 'SODERTORN'. */
  const gapFig = (period, code, field) => readFig(dig(figures.gap, period, code, field));
  const gapTotal = (period, field) => gapFig(period, 'SODERTORN', field);

  // Non-response (contract section 4): every municipality and month without a reported payment.
  const nonResponse = data.non_response || {};
  const notReported = (period, code) => (nonResponse[period] || []).indexOf(code) >= 0;
  /** The comparison KPIs as the batch declares them: code, Swedish label, unit, whether it rests on payments. */
  const KPI_DEFS = data.kpis || [];
  /** KPIs that rest on payments; a non-reporting municipality has none of them (MEDIAN_CASH_GAP_DAYS stays). */
  const PAYMENT_KPIS = KPI_DEFS.filter(k => k.rests_on_payments).map(k => k.code);
  const notReportedKpi = (period, kpi, type, code) => type === 'MUNICIPALITY' && PAYMENT_KPIS.indexOf(kpi) >= 0 && notReported(period, code);
  function natFig(period, kpi, type, code) {
    const row = dig(nat, period, kpi, type, code);
    if (!row) return MISSING_FIG;
    if (notReportedKpi(period, kpi, type, code)) return row.suppressed ? SUPPRESSED_FIG : NOT_REPORTED_FIG;
    if (row.value !== null && row.value !== undefined) return { state: 'ok', value: Number(row.value) };
    return row.suppressed ? SUPPRESSED_FIG : MISSING_FIG;
  }

  // ---------------------------------------------------------------- DOM helpers
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'className') node.className = v; else node.setAttribute(k, v);
    });
    children.flat(Infinity).forEach(c => {
      if (c !== null && c !== undefined) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  const PARTIAL_NOTE = 'Summan omfattar bara kommuner vars värde visas';
  const NOT_REPORTED_NOTE = 'Uppgift saknas: kommunen har inte rapporterat försörjningsstöd för månaden';
  const SUPPRESSED_NOTE = 'Färre än fem, visas inte';
  const STATE_ATTR = { ok: null, suppressed: 'suppressed', notReported: 'not-reported', missing: 'missing' };
  const NOTES = { suppressed: SUPPRESSED_NOTE, notReported: NOT_REPORTED_NOTE };
  /** A table cell showing a figure, with the * mark on partial sums. */
  function figCell(f, format, attrs) {
    const all = Object.assign({ 'data-state': STATE_ATTR[f.state], title: NOTES[f.state] }, attrs || {});
    return el('td', all, text(f, format), f.partial ? el('span', { className: 'mark', title: PARTIAL_NOTE }, '*') : null);
  }
  function fill(name, value) {
    document.querySelectorAll('[data-fill="' + name + '"]').forEach(n => { n.textContent = value; });
  }
  function table(id, head, bodyRows, footRows) {
    const t = document.getElementById(id);
    Array.from(t.querySelectorAll('thead, tbody, tfoot')).forEach(n => n.remove());
    t.appendChild(el('thead', null, head));
    t.appendChild(el('tbody', null, bodyRows));
    if (footRows && footRows.length) t.appendChild(el('tfoot', null, footRows));
  }
  function options(select, list, selected) {
    select.replaceChildren(...list.map(([value, label]) => el('option', { value: value, selected: value === selected ? 'selected' : null }, label)));
  }

  // ---------------------------------------------------------------- charts
  // Chart text stays in ECharts' default font: it measures label widths in that font, so another would be clipped.
  const INK = '#1d2430', ACCENT = '#1f4e79', ACCENT_2 = '#c8641b', GREY = '#b9c2cf';
  const charts = [];
  function draw(id, option) {
    const dom = document.getElementById(id);
    let chart = echarts.getInstanceByDom(dom);
    if (!chart) {
      chart = echarts.init(dom, null, { renderer: 'svg' });
      charts.push(chart);
    }
    chart.setOption(Object.assign({
      animation: false,
      textStyle: { color: INK },
      grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true }
    }, option), true);
  }
  const HIDDEN_BADGE = { fontWeight: 'bold', fontSize: 14, color: INK, backgroundColor: '#fff5ec', borderColor: ACCENT_2,
    borderWidth: 1, borderRadius: 3, padding: [1, 5, 5, 5] };
  /**
   * Marks values that are not drawn on the axis: ".." for a suppressed one, "–" for a month the municipality
   * did not report. Nothing is drawn for them, never a zero.
   */
  function hiddenMarks(figs, horizontal) {
    return [['suppressed', SUPPRESSED], ['notReported', MISSING]].map(([state, symbol]) => ({
      name: symbol, type: 'scatter', silent: true, symbolSize: 1, itemStyle: { color: 'rgba(0,0,0,0)' }, tooltip: { show: false },
      data: figs.map((f, i) => (f.state === state ? (horizontal ? [0, i] : [i, 0]) : null)).filter(Boolean),
      label: { show: true, formatter: symbol, position: horizontal ? 'right' : 'top', distance: 4, ...HIDDEN_BADGE }
    }));
  }
  const maxOf = figs => Math.max(0, ...figs.filter(f => f.state === 'ok').map(f => Math.abs(f.value)));
  const item = (f, format) => ({ value: plot(f), txt: text(f, format) + (f.partial ? ' *' : '') });
  function axisTooltip(title) {
    return {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: params => [title(params[0].dataIndex)].concat(params
        .filter(p => p.data && p.data.txt !== undefined)
        .map(p => p.marker + p.seriesName + ': <b>' + p.data.txt + '</b>')).join('<br>')
    };
  }

  // ---------------------------------------------------------------- header
  const knownUntil = meta.obs_end ? Format.dayBefore(meta.obs_end) : (latest ? Format.lastDay(latest) : null);
  fill('latest', latest ? Format.period(latest) : MISSING);
  fill('previous', previous ? Format.period(previous) : 'månaden före');
  fill('period', periods.length ? Format.period(periods[0]) + ' – ' + Format.period(latest) : MISSING);
  fill('known', knownUntil ? Format.date(knownUntil) : MISSING);
  fill('run', meta.run_id || 'uppgift saknas');
  document.getElementById('print').addEventListener('click', () => window.print());

  // ---------------------------------------------------------------- revisions (contract section 4.8)
  // meta.revisions (from manifest.json, summed by DashboardData): null when the manifest does not say.
  const revisions = meta.revisions || null;
  const runFrom = meta.from || null, runTo = meta.to || null;
  const revisionOf = p => (revisions && revisions.periods ? revisions.periods[p] : null) || null;
  /** Whether the latest run revised month p, in Swedish. */
  function revisionNote(p) {
    const r = revisionOf(p);
    if (r && r.changes > 0) {
      return 'Reviderad i denna körning: ' + Format.integer(r.changes) + (r.changes === 1 ? ' uppgift ändrad' : ' uppgifter ändrade');
    }
    if (runFrom && runTo && (p < runFrom || p > runTo)) return 'Inte reviderad i denna körning (publicerad av en tidigare körning)';
    if (!meta.run_id) return 'Okänt om månaden har reviderats (manifest.json saknas)';
    if (!revisions) return 'Okänt om månaden har reviderats (körningen loggade inga revideringar)';
    return 'Inte reviderad i denna körning';
  }
  function fillRevision(id, p) {
    const node = document.getElementById(id);
    if (!node) return;
    node.textContent = Format.period(p) + ': ' + revisionNote(p) + '.';
    node.setAttribute('data-period', p);
    node.setAttribute('data-revised', revisionOf(p) && revisionOf(p).changes > 0 ? 'true' : 'false');
  }
  /** Names the eight's municipalities that did not report month p, or hides the note. */
  function fillNonResponse(id, p) {
    const node = document.getElementById(id);
    const silent = sodSorted.filter(c => notReported(p, c)).map(nameOf);
    node.hidden = !silent.length;
    if (!silent.length) return;
    const list = silent.length === 1 ? silent[0] : silent.slice(0, -1).join(', ') + ' och ' + silent[silent.length - 1];
    node.textContent = 'Bortfall ' + Format.period(p) + ': ' + list + ' har' +
      ' inte rapporterat försörjningsstöd för månaden. Beloppen visas som ' + MISSING + ' (uppgift saknas), ritas inte och ingår inte i Södertörn totalt.';
  }
  function renderRevisions(months) {
    const datasets = r => (r && r.datasets ? Object.keys(r.datasets).sort().map(d => d + ' ' + Format.integer(r.datasets[d])).join(', ') : '');
    table('table-revisions',
      el('tr', null, el('th', { scope: 'col' }, 'Månad'), el('th', { scope: 'col' }, 'I denna körning'),
        el('th', { scope: 'col' }, 'Ändrade uppgifter per datamängd')),
      months.map(p => el('tr', { 'data-period': p }, el('th', { scope: 'row' }, Format.period(p)),
        el('td', { className: 'text', 'data-field': 'revision' }, revisionNote(p)),
        el('td', { className: 'text' }, datasets(revisionOf(p)) || MISSING))));
    const previousRun = revisions && revisions.previous_run_id;
    fill('previous-run', previousRun || 'ingen tidigare körning');
    fill('revisions-file', revisions && revisions.file ? revisions.file : 'revisions/' + (meta.run_id || 'KÖRNING') + '.parquet');
  }

  // ---------------------------------------------------------------- key figures
  const KEY = [
    { field: 'persons_in_gap', label: 'Personer i glappet', head: 'Personer i glappet', format: Format.integer, def: 'def-personer' },
    { field: 'median_cash_gap_days', label: 'Mediantid i glappet, dagar', head: 'Mediantid i glappet, dagar',
      format: v => Format.trimmed(v, 1), def: 'def-median', regionKpi: 'MEDIAN_CASH_GAP_DAYS' },
    { field: 'gap_support_sek', label: 'Försörjningsstöd i glappet', head: 'Försörjningsstöd i glappet, kr',
      format: Format.kr, plain: Format.integer, def: 'def-stod' },
    { field: 'recoverable_sek', label: 'Återsökningsbart från Försäkringskassan', head: 'Återsökningsbart, kr',
      format: Format.kr, plain: Format.integer, def: 'def-ater' },
    { field: 'open_gaps_at_month_end', label: 'Öppna glapp vid månadens slut', head: 'Öppna glapp vid månadens slut',
      format: Format.integer, def: 'def-oppna' }
  ];
  const keyFig = (k, period, code) => gapFig(period, code, k.field);
  const keyTotal = (k, period) => (k.regionKpi ? natFig(period, k.regionKpi, 'REGION', 'SODERTORN') : gapTotal(period, k.field));
  const changeText = (k, f) => text(f, v => Format.signed(v, k.format));

  function renderKeyFigures() {
    const cards = document.getElementById('cards');
    cards.replaceChildren(...KEY.map(k => {
      const now = keyTotal(k, latest);
      const change = diff(now, keyTotal(k, previous));
      return el('div', { className: 'card' },
        el('h3', null, k.label),
        el('div', { className: 'value', 'data-code': 'SODERTORN', 'data-field': k.field }, text(now, k.format),
          now.partial ? el('span', { className: 'mark', title: PARTIAL_NOTE }, '*') : null),
        el('div', { className: 'change' }, el('b', { 'data-code': 'SODERTORN', 'data-field': k.field + '-change' }, changeText(k, change)),
          ' jämfört med ' + Format.period(previous)),
        el('a', { href: '#' + k.def }, 'Definition'));
    }));
    const head = [
      el('tr', null, el('th', { rowspan: 2, scope: 'col' }, 'Kommun'),
        KEY.map(k => el('th', { colspan: 2, scope: 'colgroup', className: 'group' }, k.head))),
      el('tr', null, KEY.map(() => [el('th', { scope: 'col' }, Format.periodShort(latest)), el('th', { scope: 'col' }, 'Förändring')]))
    ];
    const row = (label, code, figAt) => el('tr', null, el('th', { scope: 'row' }, label), KEY.map(k => {
      const now = figAt(k, latest);
      const format = k.plain || k.format;
      return [figCell(now, format, { 'data-code': code, 'data-field': k.field }),
        el('td', { className: 'chg', 'data-code': code, 'data-field': k.field + '-change' },
          text(diff(now, figAt(k, previous)), v => Format.signed(v, format)))];
    }));
    table('key-table', head, sodSorted.map(c => row(nameOf(c), c, (k, p) => keyFig(k, p, c))),
      [row('Södertörn totalt', 'SODERTORN', keyTotal)]);
  }

  // ---------------------------------------------------------------- time series
  function renderTimeSeries(code) {
    const series = [
      { id: 'ts-support', field: 'gap_support_sek', format: Format.kr, plain: Format.integer,
        axis: Format.krAxis, head: 'kr' },
      { id: 'ts-days', field: 'gap_person_days', format: v => Format.integer(v) + NBSP + 'dagar',
        plain: Format.integer, axis: () => Format.integer, head: 'persondagar' }
    ];
    series.forEach(s => {
      const own = periods.map(p => gapFig(p, code, s.field));
      const total = periods.map(p => gapTotal(p, s.field));
      // Two scales, each from zero: the total is several times any one municipality, whose bars would vanish on its scale.
      const ownName = nameOf(code) + ' (staplar, vänster skala)';
      const totalName = 'Södertörn totalt (linje, höger skala)';
      draw('chart-' + s.id, {
        tooltip: axisTooltip(i => Format.period(periods[i])),
        legend: { top: 0, left: 0, data: [ownName, totalName] },
        xAxis: { type: 'category', data: periods.map(Format.periodShort), axisTick: { alignWithLabel: true } },
        yAxis: [
          { type: 'value', axisLabel: { formatter: s.axis(maxOf(own)), color: ACCENT } },
          { type: 'value', alignTicks: true, splitLine: { show: false }, axisLabel: { formatter: s.axis(maxOf(total)), color: ACCENT_2 } }
        ],
        series: [
          { name: ownName, type: 'bar', barMaxWidth: 44, itemStyle: { color: ACCENT }, data: own.map(f => item(f, s.format)) },
          { name: totalName, type: 'line', yAxisIndex: 1, itemStyle: { color: ACCENT_2 }, lineStyle: { width: 2.5 }, symbolSize: 7,
            connectNulls: false, data: total.map(f => item(f, s.format)) },
          ...hiddenMarks(own, false)
        ]
      });
      table('table-' + s.id,
        el('tr', null, el('th', { scope: 'col' }, 'Månad'), el('th', { scope: 'col' }, nameOf(code) + ', ' + s.head),
          el('th', { scope: 'col' }, 'Södertörn totalt, ' + s.head)),
        periods.map((p, i) => el('tr', null, el('th', { scope: 'row' }, Format.period(p)),
          figCell(own[i], s.plain, { 'data-code': code, 'data-period': p }),
          figCell(total[i], s.plain, { 'data-code': 'SODERTORN', 'data-period': p }))));
    });
  }

  // ---------------------------------------------------------------- reasons
  const REASONS = [
    ['WAITING_PLAN', 'Väntar på etableringsplan'],
    ['WAITING_PAYMENT', 'Väntar på första utbetalning'],
    ['BELOW_NORM', 'Etableringsersättning under norm'],
    ['OUTSIDE_TARGET_GROUP', 'Utanför etableringsuppdraget'],
    ['FAMILY_REUNION', 'Anhörig utan egen plan'],
    ['ALLOWANCE_REDUCED', 'Nedsatt eller indragen ersättning'],
    ['PLAN_ENDED', 'Etableringstiden avslutad'],
    ['SECONDARY_MOVE', 'Sekundärflytt']
  ];
  fill('reason-list', REASONS.map(r => r[1].toLowerCase()).join(', '));
  /** A reason's figure for one of the eight, or Södertörn's total with area 'SODERTORN' (from SodertornFigures). */
  const reasonArea = (period, area, reason, field) => readFig(dig(figures.reasons, period, area, reason, field));
  function renderReasons(area, period) {
    const amounts = REASONS.map(([code]) => reasonArea(period, area, code, 'gap_support_sek'));
    const persons = REASONS.map(([code]) => reasonArea(period, area, code, 'persons'));
    const areaName = area === 'SODERTORN' ? 'Södertörn totalt' : nameOf(area);
    draw('chart-reasons', {
      grid: { left: 8, right: 110, top: 30, bottom: 8, containLabel: true },
      tooltip: axisTooltip(i => REASONS[i][1] + ', ' + Format.period(period)),
      legend: { show: true, top: 0, left: 0, data: [areaName] },
      xAxis: { type: 'value', axisLabel: { formatter: Format.krAxis(maxOf(amounts)) } },
      yAxis: { type: 'category', inverse: true, data: REASONS.map(r => r[1]), axisTick: { show: false }, axisLabel: { fontSize: 13 } },
      series: [
        { name: areaName, type: 'bar', barMaxWidth: 26, itemStyle: { color: ACCENT }, data: amounts.map(f => item(f, Format.kr)),
          label: { show: true, position: 'right', formatter: p => p.data.txt, color: INK } },
        ...hiddenMarks(amounts, true)
      ]
    });
    table('table-reasons',
      el('tr', null, el('th', { scope: 'col' }, 'Skäl'), el('th', { scope: 'col' }, 'Personer'),
        el('th', { scope: 'col' }, 'Försörjningsstöd i glappet, kr')),
      REASONS.map(([code, label], i) => el('tr', null, el('th', { scope: 'row' }, label),
        figCell(persons[i], Format.integer, { 'data-reason': code, 'data-field': 'persons' }),
        figCell(amounts[i], Format.integer, { 'data-reason': code, 'data-field': 'gap_support_sek' }))));
  }

  // ---------------------------------------------------------------- national comparison
  /** How values of each unit are written, in the charts' axes and elsewhere. */
  const UNIT_FORMATS = {
    SEK: { format: Format.kr, axis: Format.krAxis },
    DAYS: { format: v => Format.trimmed(v, 1), axis: () => v => Format.trimmed(v, 1) },
    SHARE: { format: v => Format.percent(v, 1), axis: () => v => Format.percent(v, 0) },
    SEK_PER_INHABITANT: { format: v => Format.number(v, 1) + NBSP + 'kr', axis: () => v => Format.trimmed(v, 1) + NBSP + 'kr' },
    PER_1000_INHABITANTS: { format: v => Format.number(v, 1), axis: () => v => Format.trimmed(v, 1) }
  };
  const KPIS = KPI_DEFS.map(k => ({ code: k.code, label: k.label, ...UNIT_FORMATS[k.unit] }));
  function renderNational(kpiCode, period) {
    const kpi = KPIS.find(k => k.code === kpiCode);
    fill('kpi', kpi.label);
    const munis = Object.values(dig(nat, period, kpi.code, 'MUNICIPALITY') || {});
    // Ranked: a shown value. A suppressed value, no value, or a month the municipality did not report is left out.
    const stateOf = r => natFig(period, kpi.code, 'MUNICIPALITY', r.area_code).state;
    const isRanked = r => stateOf(r) === 'ok';
    const ranked = munis.filter(isRanked).sort((a, b) => a.value - b.value || byName(a.area_code, b.area_code));
    const unranked = munis.filter(r => !isRanked(r)).sort((a, b) => byName(a.area_code, b.area_code));
    const median = munis.length ? munis[0].national_median : null;
    const count = state => unranked.filter(r => stateOf(r) === state).length;
    const kommuner = n => n + (n === 1 ? ' kommun' : ' kommuner');
    const hidden = count('suppressed'), silent = count('notReported'), empty = count('missing');
    fill('unranked', [
      hidden ? kommuner(hidden) + ' visas inte (' + SUPPRESSED + ', färre än fem).' : '',
      silent ? kommuner(silent) + ' har inte rapporterat försörjningsstöd för månaden (' + MISSING + ', uppgift saknas) och rangordnas inte.' : '',
      empty ? kommuner(empty) + ' saknar värde (' + MISSING + ').' : ''
    ].filter(Boolean).join(' '));

    const bar = (name, color, pick, labelled) => ({
      name: name, type: 'bar', barGap: '-100%', barCategoryGap: '15%', itemStyle: { color: color },
      data: ranked.map(r => (pick(r) ? { value: r.value, name: r.area_code, txt: kpi.format(r.value) } : null)),
      label: labelled ? { show: true, position: 'top', rotate: 90, align: 'left', verticalAlign: 'middle', distance: 4,
        fontSize: 12, fontWeight: 'bold', color: ACCENT, formatter: p => nameOf(p.data.name) } : { show: false }
    });
    const others = bar('Övriga kommuner', GREY, r => !isSod(r.area_code), false);
    if (median !== null && median !== undefined) {
      others.markLine = { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#b4232a', width: 1.5 },
        label: { position: 'end', formatter: 'Riksmedian\n' + kpi.format(median), color: '#b4232a', fontWeight: 'bold', lineHeight: 16 },
        data: [{ yAxis: median }] };
    }
    draw('chart-rank', {
      grid: { left: 8, right: 110, top: 96, bottom: 24, containLabel: true },
      tooltip: { trigger: 'item',
        formatter: p => nameOf(p.data.name) + ': <b>' + p.data.txt + '</b><br>Plats ' +
          dig(nat, period, kpi.code, 'MUNICIPALITY', p.data.name).rank + ' av ' + ranked.length },
      legend: { top: 0, left: 0, data: ['Södertörns kommuner', 'Övriga kommuner'] },
      xAxis: { type: 'category', data: ranked.map(r => r.area_code), name: 'Kommuner från lägst till högst värde',
        nameLocation: 'middle', nameGap: 8, axisLabel: { show: false }, axisTick: { show: false } },
      yAxis: { type: 'value', axisLabel: { formatter: kpi.axis(Math.max(0, ...ranked.map(r => Math.abs(r.value)))) } },
      series: [bar('Södertörns kommuner', ACCENT, r => isSod(r.area_code), true), others]
    });
    const rankText = r => (r && isRanked(r) && r.rank != null ? r.rank + ' av ' + r.n_ranked : MISSING);
    table('table-rank',
      el('tr', null, el('th', { scope: 'col' }, 'Plats'), el('th', { scope: 'col' }, 'Kommun'), el('th', { scope: 'col' }, kpi.label)),
      ranked.concat(unranked).map(r => el('tr', { className: isSod(r.area_code) ? 'hl' : null },
        el('td', null, isRanked(r) && r.rank != null ? String(r.rank) : MISSING), el('td', { className: 'text' }, nameOf(r.area_code)),
        figCell(natFig(period, kpi.code, 'MUNICIPALITY', r.area_code), kpi.format, { 'data-code': r.area_code }))));

    // Each of the eight beside its county, Södertörn and the nation.
    const cols = [
      ['Kommunen', ACCENT, c => natFig(period, kpi.code, 'MUNICIPALITY', c)],
      ['Länet', '#5b8db8', c => natFig(period, kpi.code, 'COUNTY', c.slice(0, 2))],
      ['Södertörn', ACCENT_2, () => natFig(period, kpi.code, 'REGION', 'SODERTORN')],
      ['Riket', '#7d8794', () => natFig(period, kpi.code, 'NATION', 'SE')]
    ];
    const compareFigs = [].concat(...cols.map(([, , at]) => sodSorted.map(at)));
    // A hidden or unreported municipality value is marked under its name: a mark at the category centre would sit on the other bars.
    const ownMark = sodSorted.map(c => ({ suppressed: SUPPRESSED, notReported: MISSING })[cols[0][2](c).state] || null);
    draw('chart-compare', {
      tooltip: axisTooltip(i => nameOf(sodSorted[i])),
      legend: { top: 0, left: 0, data: cols.map(c => c[0]) },
      grid: { left: 8, right: 24, top: 44, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: sodSorted.map(nameOf),
        axisLabel: { interval: 0, fontSize: 12, lineHeight: 22, formatter: (name, i) => (ownMark[i] ? name + '\n{hidden|' + ownMark[i] + '}' : name),
          rich: { hidden: HIDDEN_BADGE } } },
      yAxis: { type: 'value', axisLabel: { formatter: kpi.axis(maxOf(compareFigs)) } },
      series: cols.map(([name, color, at]) => ({ name: name, type: 'bar', barMaxWidth: 18, itemStyle: { color: color },
        data: sodSorted.map(c => item(at(c), kpi.format)) }))
    });
    const countyCodes = uniqueSorted(sodSorted.map(c => c.slice(0, 2)));
    const areaRow = (label, f, rank, attrs) => el('tr', null, el('th', { scope: 'row' }, label), figCell(f, kpi.format, attrs),
      el('td', null, rank));
    table('table-compare',
      el('tr', null, el('th', { scope: 'col' }, 'Område'), el('th', { scope: 'col' }, kpi.label),
        el('th', { scope: 'col' }, 'Plats (1 = lägst)')),
      sodSorted.map(c => areaRow(nameOf(c), natFig(period, kpi.code, 'MUNICIPALITY', c),
        rankText(dig(nat, period, kpi.code, 'MUNICIPALITY', c)), { 'data-code': c })),
      countyCodes.map(cc => areaRow(counties[cc] || 'Län ' + cc, natFig(period, kpi.code, 'COUNTY', cc), '', { 'data-code': cc }))
        .concat([
          areaRow('Södertörn', natFig(period, kpi.code, 'REGION', 'SODERTORN'), '', { 'data-code': 'SODERTORN' }),
          areaRow('Riket', natFig(period, kpi.code, 'NATION', 'SE'), '', { 'data-code': 'SE' }),
          areaRow('Riksmedian (mittvärdet bland kommunerna)', median == null ? MISSING_FIG : { state: 'ok', value: median }, '', null)
        ]));
  }

  // ---------------------------------------------------------------- wiring
  const $ = id => document.getElementById(id);
  const periodChoices = list => list.slice().reverse().map(p => [p, Format.period(p)]);
  const shownMonths = uniqueSorted(periods.concat(natPeriods)).reverse();
  if (shownMonths.length) renderRevisions(shownMonths); else $('revideringar').hidden = true;
  if (!latest) {
    $('no-data').hidden = false;
    ['nyckeltal', 'utveckling', 'skal'].forEach(id => { $(id).hidden = true; });
  } else {
    renderKeyFigures();
    fillRevision('rev-key', latest);
    fillNonResponse('nonresponse-key', latest);
    options($('ts-muni'), sodSorted.map(c => [c, nameOf(c)]), sodSorted[0]);
    $('ts-muni').addEventListener('change', e => renderTimeSeries(e.target.value));
    renderTimeSeries(sodSorted[0]);
    options($('reason-area'), [['SODERTORN', 'Södertörn totalt']].concat(sodSorted.map(c => [c, nameOf(c)])), 'SODERTORN');
    options($('reason-period'), periodChoices(periods), latest);
    const reasonsNow = () => {
      renderReasons($('reason-area').value, $('reason-period').value);
      fillRevision('rev-reasons', $('reason-period').value);
      fillNonResponse('nonresponse-reasons', $('reason-period').value);
    };
    $('reason-area').addEventListener('change', reasonsNow);
    $('reason-period').addEventListener('change', reasonsNow);
    reasonsNow();
  }
  if (!natPeriods.length || !KPIS.length) {
    $('no-national').hidden = false;
    $('national-controls').hidden = true;
    Array.from($('riket').querySelectorAll('figure')).forEach(f => { f.hidden = true; });
  } else {
    options($('nat-kpi'), KPIS.map(k => [k.code, k.label]), KPIS[0].code);
    options($('nat-period'), periodChoices(natPeriods), natPeriods.indexOf(latest) >= 0 ? latest : natPeriods[natPeriods.length - 1]);
    const nationalNow = () => {
      renderNational($('nat-kpi').value, $('nat-period').value);
      fillRevision('rev-national', $('nat-period').value);
    };
    $('nat-kpi').addEventListener('change', nationalNow);
    $('nat-period').addEventListener('change', nationalNow);
    nationalNow();
  }

  // Screen: charts follow the window. Print: charts at A4 width and every table open.
  let resizeTimer = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => charts.forEach(c => c.resize()), 150);
  });
  let closedForScreen = null;
  function beforePrint() {
    if (closedForScreen) return;
    closedForScreen = Array.from(document.querySelectorAll('details:not([open])'));
    closedForScreen.forEach(d => { d.open = true; });
    charts.forEach(c => c.resize({ width: 690, height: c.getDom().classList.contains('chart-wide') ? 290 : 250 }));
  }
  function afterPrint() {
    if (!closedForScreen) return;
    closedForScreen.forEach(d => { d.open = false; });
    closedForScreen = null;
    charts.forEach(c => c.resize());
  }
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  if (window.matchMedia) {
    const print = window.matchMedia('print');
    const onChange = e => (e.matches ? beforePrint() : afterPrint());
    if (print.addEventListener) print.addEventListener('change', onChange); else if (print.addListener) print.addListener(onChange);
  }
})();
