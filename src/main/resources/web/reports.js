// Earshot's reports: the server counts, ECharts (served from the jar) draws. Tooltips render as rich
// text, not HTML, and the phrase list is built from text nodes, so text from mentions never becomes markup.
'use strict';

const TOKEN_KEY = 'earshot.token';
const $ = (id) => document.getElementById(id);
const charts = {};

// Who is signed in, from GET /api/session, as on the card queue: a cookie session, or a script's
// service token from a #token=... link kept for this tab only.
let caller = null;

function takeTokenFromFragment() {
  const match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function params() {
  const p = new URLSearchParams();
  for (const id of ['brand', 'from', 'to']) {
    if ($(id).value.trim()) p.set(id, $(id).value.trim());
  }
  return p.toString();
}

// Reports only read, so no request here needs the CSRF header; the cookie goes by itself.
async function get(path) {
  const headers = token() ? { Authorization: `Bearer ${token()}` } : {};
  const response = await fetch(path, { headers, cache: 'no-store' });
  if (response.status === 401) {
    toLogin(token() ? 'token' : (caller ? 'expired' : ''));
    throw Object.assign(new Error('not signed in'), { status: 401 });
  }
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

// To the sign-in page, which comes back here once signed in.
function toLogin(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  caller = null;
  const next = encodeURIComponent(location.pathname);
  location.replace(`/login?next=${next}${reason ? `&reason=${reason}` : ''}`);
}

async function signOut() {
  try {
    if (!token() && caller && caller.csrfToken) {
      await fetch('/api/logout', { method: 'POST', headers: { 'X-CSRF-Token': caller.csrfToken }, cache: 'no-store' });
    }
  } finally {
    sessionStorage.removeItem(TOKEN_KEY);
    caller = null;
    location.replace('/login?reason=signed-out');
  }
}

function chart(id, option) {
  if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
  charts[id].setOption({ tooltip: { trigger: 'axis', renderMode: 'richText' }, ...option }, true);
}

function days(rows) {
  return [...new Set(rows.map((r) => r.day))].sort();
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '–' : String(text);
  return td;
}

function percent(v) {
  return v === null || v === undefined ? null : `${Math.round(v * 100)}%`;
}

function minutes(v) {
  if (v === null || v === undefined) return null;
  return v < 120 ? `${v} min` : `${(v / 60).toFixed(1)} h`;
}

async function load() {
  $('report-error').textContent = '';
  try {
    const r = await (await get(`/api/reports?${params()}`)).json();
    if (!$('from').value) $('from').value = r.from.slice(0, 10);
    const volumeDays = days(r.mentionsPerDay);
    const channels = [...new Set(r.mentionsPerDay.map((m) => m.channel))].sort();
    chart('chart-volume', {
      legend: { data: channels }, xAxis: { type: 'category', data: volumeDays }, yAxis: { type: 'value', name: 'mentions' },
      series: channels.map((c) => ({ name: c, type: 'bar', stack: 'all',
        data: volumeDays.map((d) => (r.mentionsPerDay.find((m) => m.day === d && m.channel === c) || { mentions: 0 }).mentions) })),
    });
    chart('chart-mood', {
      legend: { data: ['negative share (%)', 'mean urgency (0-100)'] },
      xAxis: { type: 'category', data: r.moodPerDay.map((m) => m.day) }, yAxis: { type: 'value', max: 100 },
      series: [
        { name: 'negative share (%)', type: 'line', data: r.moodPerDay.map((m) => Math.round(m.negativeShare * 100)) },
        { name: 'mean urgency (0-100)', type: 'line', data: r.moodPerDay.map((m) => Math.round(m.meanUrgency * 100)) },
      ],
    });
    const sl = r.serviceLevels;
    chart('chart-sla', {
      legend: { data: ['first response median', 'first response target', 'resolution median', 'resolution target'] },
      xAxis: { type: 'category', data: sl.map((s) => s.channel) }, yAxis: { type: 'value', name: 'minutes' },
      series: [
        { name: 'first response median', type: 'bar', data: sl.map((s) => s.firstResponseMedianMinutes) },
        { name: 'first response target', type: 'bar', data: sl.map((s) => s.firstResponseTargetMinutes) },
        { name: 'resolution median', type: 'bar', data: sl.map((s) => s.resolutionMedianMinutes) },
        { name: 'resolution target', type: 'bar', data: sl.map((s) => s.resolutionTargetMinutes) },
      ],
    });
    $('sla-rows').replaceChildren(...sl.map((s) => {
      const tr = document.createElement('tr');
      tr.append(cell(s.channel), cell(s.tasks), cell(s.answered), cell(minutes(s.firstResponseMedianMinutes)),
        cell(minutes(s.firstResponseTargetMinutes)), cell(percent(s.firstResponseWithinTarget)), cell(s.resolved),
        cell(minutes(s.resolutionMedianMinutes)), cell(minutes(s.resolutionTargetMinutes)), cell(percent(s.resolutionWithinTarget)));
      return tr;
    }));
    const top = r.topProblems;
    chart('chart-problems', {
      tooltip: { show: false }, grid: { left: 160 },
      xAxis: { type: 'value', name: 'mentions' },
      yAxis: { type: 'category', data: top.map((p) => p.phrase).reverse(), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [{ type: 'bar', data: top.map((p) => p.mentions).reverse() }],
    });
    $('problem-rows').replaceChildren(...top.map((p) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/inbox.html#task=${p.exampleTaskId}`;
      a.textContent = `task ${p.exampleTaskId}`;
      li.append(document.createTextNode(`“${p.phrase}”: ${p.mentions} mentions, for example `), a);
      return li;
    }));
  } catch (e) {
    if (e.status !== 401) $('report-error').textContent = `Could not load the reports: ${e.message}`;
  }
}

async function downloadCsv(name) {
  try {
    const blob = await (await get(`/api/reports/${name}.csv?${params()}`)).blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (e) {
    $('report-error').textContent = `Could not download ${name}.csv: ${e.message}`;
  }
}

async function start() {
  takeTokenFromFragment();
  $('period').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  document.querySelectorAll('button.csv').forEach((b) => b.addEventListener('click', () => downloadCsv(b.dataset.report)));
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  $('sign-out-button').addEventListener('click', signOut);
  try {
    caller = await (await get('/api/session')).json();
  } catch (e) {
    if (e.status !== 401) {
      $('reports').hidden = false;
      $('report-error').textContent = `Earshot could not be reached: ${e.message}`;
    }
    return;
  }
  $('who').textContent = `${caller.name} · ${caller.role}`;
  $('me').hidden = false;
  $('reports').hidden = false;
  load();
}

start();
