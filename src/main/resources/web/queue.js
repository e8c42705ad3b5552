// Earshot's reply queue. Everything that came from outside (mentions, names, reasons, drafts) is put
// into the page with textContent only, never as HTML, so a mention cannot run script here.
'use strict';

const TOKEN_KEY = 'earshot.token';
const REFRESH_MS = 10000;

const $ = (id) => document.getElementById(id);
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

let refreshing = false;
let refreshAgain = false;

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

// Who is signed in: {name, role, via, csrfToken, can: {edit, approve, override, ...}} from GET /api/session.
// A browser session is a cookie the script never sees; a script's service token may still come in a
// #token=... link, kept for this tab only and taken out of the address bar.
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

function signedIn() {
  return caller !== null;
}

async function api(path, options = {}) {
  const method = options.method || 'GET';
  const headers = {};
  if (token()) {
    headers.Authorization = `Bearer ${token()}`;
  } else if (method !== 'GET' && caller && caller.csrfToken) {
    // The cookie goes with every request; this header only with the page's own.
    headers['X-CSRF-Token'] = caller.csrfToken;
  }
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    cache: 'no-store',
  });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (response.status === 401) {
    toLogin(token() ? 'token' : (caller ? 'expired' : ''));
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

// To the sign-in page, which comes back here (the same task link) once signed in.
function toLogin(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  caller = null;
  const next = encodeURIComponent(location.pathname);
  location.replace(`/login?next=${next}${reason ? `&reason=${reason}` : ''}`);
}

// The page offers only what the server would allow this role; the server refuses the rest anyway.
function applyRole() {
  const can = caller.can || {};
  for (const what of ['edit', 'approve', 'override', 'administer']) {
    document.body.classList.toggle(`can-${what}`, Boolean(can[what]));
  }
  document.body.dataset.role = caller.role;
  $('who').textContent = `${caller.name} · ${caller.role}`;
}

function showQueue() {
  $('queue-section').hidden = false;
  $('tools').hidden = false;
}

async function signOut() {
  try {
    if (!token()) {
      await api('/api/logout', { method: 'POST' });
    }
  } finally {
    sessionStorage.removeItem(TOKEN_KEY);
    caller = null;
    location.replace('/login?reason=signed-out');
  }
}

// A refresh asked for while one runs (after a decision or a relabelling) runs once that one ends,
// so the queue never stays sorted by what it was before the change.
async function refresh() {
  if (!signedIn()) {
    return;
  }
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  try {
    const { tasks } = await api('/api/tasks?state=NEW');
    render(orderTasks(tasks));
    openLinkedTask();
    showServiceLevelSummary(tasks);
    $('status').textContent = `${tasks.length} open · updated ${clock.format(new Date())}`;
    if ($('queue-error').dataset.stale === 'true') {
      $('queue-error').textContent = '';
    }
  } catch (e) {
    if (e.status !== 401) {
      $('status').textContent = `could not refresh: ${e.message}`;
    }
  } finally {
    refreshing = false;
    if (refreshAgain) {
      refreshAgain = false;
      refresh();
    }
  }
}

// Cards someone is working on (editing, rejecting, looking at violations, waiting for an answer)
// are kept as they are, so the 10-second refresh never throws away what a person is typing.
function render(tasks) {
  const queue = $('queue');
  const existing = new Map([...queue.children].map((li) => [li.dataset.taskId, li]));
  const cards = tasks.map((task) => {
    const old = existing.get(String(task.id));
    const json = cardJson(task);
    if (old && (old.dataset.busy || old.taskJson === json)) {
      showDue(old, task.dueAt);
      showServiceLevel(old, task.serviceLevel);
      return old;
    }
    const card = buildCard(task);
    card.taskJson = json;
    return card;
  });
  for (const [id, li] of existing) {
    const working = li.dataset.busy && li.dataset.busy !== 'sending';
    if (working && !tasks.some((t) => String(t.id) === id)) {
      note(`Task ${id} was handled elsewhere in the meantime.`);
    }
  }
  const same = cards.length === queue.children.length && cards.every((card, i) => queue.children[i] === card);
  if (!same) {
    queue.replaceChildren(...cards);
  }
  $('empty').hidden = tasks.length > 0;
}

function note(message) {
  $('queue-error').textContent = message;
  $('queue-error').dataset.stale = 'false';
  // Shown until the refresh after next, so it can be read.
  setTimeout(() => { $('queue-error').dataset.stale = 'true'; }, REFRESH_MS);
}

function text(root, selector, value) {
  const el = root.querySelector(selector);
  el.textContent = value;
  return el;
}

function fillList(list, items) {
  list.replaceChildren(...items.map((item) => {
    const li = document.createElement('li');
    li.textContent = item;
    return li;
  }));
  list.hidden = items.length === 0;
}

function humanMinutes(minutes) {
  if (minutes < 60) {
    return `${minutes} min`;
  }
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  return `${Math.floor(minutes / 1440)} days`;
}

function dueLabel(dueAt) {
  const minutes = Math.round((Date.parse(dueAt) - Date.now()) / 60000);
  if (minutes < 0) {
    return { label: `overdue by ${humanMinutes(-minutes)}`, overdue: true };
  }
  return { label: minutes === 0 ? 'due now' : `due in ${humanMinutes(minutes)}`, overdue: false };
}

function showDue(li, dueAt) {
  const due = dueLabel(dueAt);
  const el = text(li, '.due', due.label);
  el.classList.toggle('overdue', due.overdue);
  el.title = `due ${dateTime.format(new Date(dueAt))}`;
}

// Unchanged cards are kept as they are on refresh (no flicker, focus stays where it was).
function buildCard(task) {
  const li = $('task-template').content.firstElementChild.cloneNode(true);
  li.dataset.taskId = String(task.id);
  const { mention, scores, draft } = task;

  showScores(li, scores);
  showDue(li, task.dueAt);
  showServiceLevel(li, task.serviceLevel);

  if (task.incident) {
    // An incident answers a burst of complaints, not one person: its statement goes out once on each channel.
    const incident = task.incident;
    li.classList.add('incident');
    text(li, '.platform', incident.platforms.join(', '));
    text(li, '.author-name', `Incident: ${incident.mentions} complaint${incident.mentions === 1 ? '' : 's'} about ${incident.brand}`);
    text(li, '.author-handle', '');
    text(li, '.followers', `statement posted once on each of ${incident.channels.join(', ')}`);
    text(li, '.customer', '');
    li.querySelector('.subject').hidden = true;
    text(li, '.mention-text', incident.summary);
  } else {
    text(li, '.platform', mention.platform);
    text(li, '.author-name', mention.author.name || mention.author.handle);
    text(li, '.author-handle', mention.author.name ? mention.author.handle : '');
    text(li, '.followers', `${compact.format(mention.author.followers)} followers`);
    text(li, '.customer', customerLine(task.customer));
    const link = li.querySelector('.source-link');
    if (/^https?:\/\//i.test(mention.url)) {
      link.href = mention.url;
      link.hidden = false;
    }
    const subject = text(li, '.subject', mention.subject);
    subject.hidden = !mention.subject;
    text(li, '.mention-text', mention.text);
  }
  fillList(li.querySelector('.reasons'), scores.reasons);

  text(li, '.draft-text', draft.text);
  li.querySelector('.draft-editor').value = draft.text;
  showDraftNotes(li, task);

  for (const select of li.querySelectorAll('.relabel-form select')) {
    select.addEventListener('change', () => relabelChanged(li));
  }
  li.querySelector('.relabel-form').addEventListener('submit', (event) => {
    event.preventDefault();
    relabel(li);
  });
  li.querySelector('.approve').addEventListener('click', () => approve(li, false));
  li.querySelector('.override').addEventListener('click', () => approve(li, true));
  li.querySelector('.propose').addEventListener('click', () => propose(li));
  li.querySelector('.dismiss-violations').addEventListener('click', () => dismissViolations(li));
  li.querySelector('.edit').addEventListener('click', () => startEdit(li));
  li.querySelector('.cancel-edit').addEventListener('click', () => stopEdit(li, draft.text));
  li.querySelector('.reject').addEventListener('click', () => startReject(li));
  li.querySelector('.cancel-reject').addEventListener('click', () => stopReject(li));
  li.querySelector('.reject-form').addEventListener('submit', (event) => {
    event.preventDefault();
    reject(li);
  });
  return li;
}

// The labels, marked where people set them, and the relabel control set to what is shown.
function showScores(li, scores) {
  li.scores = scores;
  const correction = scores.correction;
  text(li, '.priority', scores.priority.toFixed(2));
  const urgency = text(li, '.urgency', scores.urgencyLevel);
  urgency.className = `badge urgency urgency-${scores.urgencyLevel}`;
  const sentiment = text(li, '.sentiment', scores.sentiment);
  sentiment.className = `badge sentiment sentiment-${scores.sentiment}`;
  markCorrected(urgency, correction, correction && correction.urgencyLevel, correction && correction.scorerUrgencyLevel);
  markCorrected(sentiment, correction, correction && correction.sentiment, correction && correction.scorerSentiment);
  text(li, '.numbers', `negativity ${scores.negativity.toFixed(2)} · urgency ${scores.urgency.toFixed(2)}`);
  li.querySelector('.relabel-sentiment').value = scores.sentiment;
  li.querySelector('.relabel-urgency').value = scores.urgencyLevel;
  const note = text(li, '.relabel-note', correction ? correctedLine(correction) : '');
  note.hidden = !correction;
}

function markCorrected(badge, correction, label, scorerLabel) {
  const corrected = Boolean(label);
  badge.classList.toggle('corrected', corrected);
  badge.title = corrected ? `set by ${correction.by}; the scorer said ${scorerLabel}` : '';
}

function change(kind, scorerLabel, label) {
  return label === scorerLabel ? `${kind} ${label} (confirmed)` : `${kind} ${scorerLabel} → ${label}`;
}

function correctedLine(correction) {
  const parts = [];
  if (correction.sentiment) {
    parts.push(change('sentiment', correction.scorerSentiment, correction.sentiment));
  }
  if (correction.urgencyLevel) {
    parts.push(change('urgency', correction.scorerUrgencyLevel, correction.urgencyLevel));
  }
  return `Relabelled by ${correction.by}: ${parts.join(' · ')}`;
}

// A card whose labels are being changed is kept as it is on refresh, until they are saved or put back.
function relabelChanged(li) {
  const changed = li.querySelector('.relabel-sentiment').value !== li.scores.sentiment
    || li.querySelector('.relabel-urgency').value !== li.scores.urgencyLevel;
  if (changed) {
    li.dataset.busy = li.dataset.busy || 'relabel';
  } else if (li.dataset.busy === 'relabel') {
    delete li.dataset.busy;
  }
}

// Sends only the labels the person changed; the card shows the answer at once and the queue re-sorts.
async function relabel(li) {
  const body = {};
  const sentiment = li.querySelector('.relabel-sentiment').value;
  const urgencyLevel = li.querySelector('.relabel-urgency').value;
  if (sentiment !== li.scores.sentiment) {
    body.sentiment = sentiment;
  }
  if (urgencyLevel !== li.scores.urgencyLevel) {
    body.urgencyLevel = urgencyLevel;
  }
  const wasBusy = li.dataset.busy === 'relabel' ? undefined : li.dataset.busy;
  if (body.sentiment === undefined && body.urgencyLevel === undefined) {
    setError(li, 'Pick another sentiment or urgency first.');
    return;
  }
  li.dataset.busy = 'sending';
  setSending(li, true);
  setError(li, '');
  try {
    const task = await api(`/api/tasks/${li.dataset.taskId}/correct`, { method: 'POST', body });
    showScores(li, task.scores);
    // As the list will send it, so the next refresh keeps this card instead of building it again.
    li.taskJson = cardJson({ ...task, history: null, thread: null, corrections: null });
  } catch (e) {
    if (e.status !== 401) {
      setError(li, e.message);
    }
  } finally {
    setSending(li, false);
    if (wasBusy) {
      li.dataset.busy = wasBusy;
    } else {
      delete li.dataset.busy;
    }
  }
  await refresh();
}

function editing(li) {
  return !li.querySelector('.draft-edit').hidden;
}

function startEdit(li) {
  li.dataset.busy = 'edit';
  li.querySelector('.draft-text').hidden = true;
  li.querySelector('.draft-edit').hidden = false;
  li.querySelector('.edit').hidden = true;
  li.querySelector('.cancel-edit').hidden = false;
  li.querySelector('.draft-editor').focus();
}

function stopEdit(li, original) {
  li.querySelector('.draft-editor').value = original;
  li.querySelector('.draft-text').hidden = false;
  li.querySelector('.draft-edit').hidden = true;
  li.querySelector('.edit').hidden = false;
  li.querySelector('.cancel-edit').hidden = true;
  li.querySelector('.violations').hidden = true;
  setError(li, '');
  delete li.dataset.busy;
}

function startReject(li) {
  li.dataset.busy = li.dataset.busy || 'reject';
  li.querySelector('.reject-form').hidden = false;
  li.querySelector('.reject-reason').focus();
}

function stopReject(li) {
  li.querySelector('.reject-form').hidden = true;
  li.querySelector('.reject-reason').value = '';
  setError(li, '');
  if (!editing(li)) {
    delete li.dataset.busy;
  }
}

function dismissViolations(li) {
  li.querySelector('.violations').hidden = true;
  if (!editing(li) && li.querySelector('.reject-form').hidden) {
    delete li.dataset.busy;
  }
}

function setError(li, message) {
  li.querySelector('.task-error').textContent = message;
}

function setSending(li, sending) {
  for (const button of li.querySelectorAll('button')) {
    button.disabled = sending;
  }
}

async function approve(li, override) {
  const body = { override };
  if (editing(li)) {
    body.text = li.querySelector('.draft-editor').value;
  }
  await act(li, `/api/tasks/${li.dataset.taskId}/approve`, body);
}

// A responder (who may not approve) leaves their edit as the task's draft for an approver.
async function propose(li) {
  const text = li.querySelector('.draft-editor').value;
  await act(li, `/api/tasks/${li.dataset.taskId}/draft`, { text });
  note(`Task ${li.dataset.taskId}: your draft is saved for an approver.`);
}

async function reject(li) {
  const reason = li.querySelector('.reject-reason').value.trim();
  if (reason === '') {
    setError(li, 'Say why it is rejected.');
    return;
  }
  await act(li, `/api/tasks/${li.dataset.taskId}/reject`, { reason });
}

async function act(li, path, body) {
  const wasBusy = li.dataset.busy;
  li.dataset.busy = 'sending';
  setSending(li, true);
  setError(li, '');
  try {
    await api(path, { method: 'POST', body });
    li.remove();
    await refresh();
  } catch (e) {
    setSending(li, false);
    if (e.status === 409) {
      li.remove();
      note(`Task ${li.dataset.taskId} was already decided: ${e.message}`);
      await refresh();
    } else if (e.status === 422) {
      li.dataset.busy = 'violations';
      fillList(li.querySelector('.violation-list'), e.body.violations || []);
      li.querySelector('.violations').hidden = false;
    } else {
      if (wasBusy) {
        li.dataset.busy = wasBusy;
      } else {
        delete li.dataset.busy;
      }
      if (e.status !== 401) {
        setError(li, e.message);
      }
    }
  }
}

// Service levels. The server says where each task stands against its nearest deadline (its own
// clock, so every reader sees the same); the page flags what is close or past and can put it first.
const ORDER_KEY = 'earshot.order';

// A card's content without its service-level standing, which moves every minute: a card is built
// again only when something a person reads or edits changed.
function cardJson(task) {
  return JSON.stringify({ ...task, serviceLevel: null });
}

function serviceLevelLabel(level) {
  if (!level || level.state === 'on_time') {
    return '';
  }
  const what = level.target === 'resolution' ? 'resolution ' : '';
  if (level.state === 'breached') {
    const ago = -level.minutesLeft;
    return ago < 1 ? `${what}breached just now` : `${what}breached ${humanMinutes(ago)} ago`;
  }
  return `${what}about to breach`;
}

function showServiceLevel(li, level) {
  const el = li.querySelector('.service-level');
  const label = serviceLevelLabel(level);
  el.textContent = label;
  el.hidden = label === '';
  el.className = level ? `service-level sla-${level.state}` : 'service-level';
  el.dataset.state = level ? level.state : '';
  const target = level && level.target === 'resolution' ? 'resolution' : 'first response';
  el.title = level ? `${target} due ${dateTime.format(new Date(level.dueAt))}` : '';
}

function showServiceLevelSummary(tasks) {
  const count = (state) => tasks.filter((t) => t.serviceLevel && t.serviceLevel.state === state).length;
  const parts = [];
  if (count('breached') > 0) {
    parts.push(`${count('breached')} breached`);
  }
  if (count('about_to_breach') > 0) {
    parts.push(`${count('about_to_breach')} about to breach`);
  }
  $('service-level-summary').textContent = parts.join(' · ');
}

// By priority as the server sends them, or the least time left first (tasks without a deadline last);
// incidents come first either way.
function orderTasks(tasks) {
  if ($('order-select').value !== 'service-level') {
    return tasks;
  }
  const left = (t) => (t.incident ? Number.NEGATIVE_INFINITY
    : t.serviceLevel ? t.serviceLevel.minutesLeft : Number.POSITIVE_INFINITY);
  return tasks.map((task, i) => ({ task, i }))
    .sort((a, b) => (left(a.task) - left(b.task)) || (a.i - b.i))
    .map((x) => x.task);
}

function startServiceLevelOrder() {
  const select = $('order-select');
  select.value = localStorage.getItem(ORDER_KEY) === 'service-level' ? 'service-level' : 'priority';
  select.addEventListener('change', () => {
    localStorage.setItem(ORDER_KEY, select.value);
    refresh();
  });
}

async function start() {
  startServiceLevelOrder();
  takeTokenFromFragment();
  // Older alert links said /#task=58; the task's own address is /tasks/58.
  const legacy = /(?:^|&)task=(\d+)/.exec(location.hash.slice(1));
  if (legacy) {
    history.replaceState(null, '', `/tasks/${legacy[1]}`);
  }
  $('refresh-button').addEventListener('click', refresh);
  $('sign-out-button').addEventListener('click', signOut);
  try {
    caller = await api('/api/session');
  } catch (e) {
    if (e.status !== 401) {
      $('queue-section').hidden = false;
      $('queue-error').textContent = `Earshot could not be reached: ${e.message}`;
    }
    return;
  }
  applyRole();
  showQueue();
  document.dispatchEvent(new Event('earshot:signed-in'));
  refresh();
  setInterval(refresh, REFRESH_MS);
}

// A link to one task (/tasks/58, from a Slack alert) opens that task: its card, or what became of it.
let linkedTaskShown = false;

function linkedTaskId() {
  const match = /^\/tasks\/(\d+)$/.exec(location.pathname);
  return match ? match[1] : null;
}

async function openLinkedTask() {
  const id = linkedTaskId();
  if (!id || linkedTaskShown) {
    return;
  }
  linkedTaskShown = true;
  const card = document.querySelector(`#queue li.task[data-task-id="${id}"]`);
  if (card) {
    card.classList.add('linked');
    card.scrollIntoView({ block: 'start' });
    card.tabIndex = -1;
    card.focus({ preventScroll: true });
    return;
  }
  try {
    const task = await api(`/api/tasks/${id}`);
    const state = String(task.state).toLowerCase().replace(/_/g, ' ');
    note(`Task ${id} is not waiting in the queue: it is ${state}.`);
  } catch (e) {
    if (e.status !== 401) {
      note(`Task ${id} could not be opened: ${e.message}`);
    }
  }
}

start();

// Reply rule warnings, each {kind, rule, text}: hard ones (approval needs an override) stand out, notices
// (escalate, spam, answer by hand) are not broken rules. While a person edits, the edit is checked against
// the same rules.
function showDraftNotes(li, task) {
  showWarnings(li, task.warnings);
  showBlocks(li, task.draft ? task.draft.blocks : []);
  if (task.channel.readOnly) {
    li.querySelector('.approve').textContent = 'Answered by hand';
    li.querySelector('.approve').title = `${task.channel.id} is read-only: post the reply yourself where the mention appeared, then close the task`;
  }
  const editor = li.querySelector('.draft-editor');
  editor.addEventListener('input', () => {
    clearTimeout(li.checkTimer);
    li.checkTimer = setTimeout(() => checkEdit(li, editor.value), 400);
  });
}

// A hard warning reads "hard: ...", a notice its rule first ("answer by hand: ..."), a soft one its text.
function showWarnings(li, warnings) {
  const list = li.querySelector('.warnings');
  list.replaceChildren(...warnings.map((warning) => {
    const item = document.createElement('li');
    item.dataset.rule = warning.rule;
    if (warning.kind === 'hard') {
      item.className = 'warning-hard';
      item.textContent = `hard: ${warning.text}`;
    } else if (warning.kind === 'notice') {
      item.className = 'warning-notice';
      item.textContent = `${warning.rule.replaceAll('-', ' ')}: ${warning.text}`;
    } else {
      item.textContent = warning.text;
    }
    return item;
  }));
  list.hidden = warnings.length === 0;
}

// A reply longer than its channel takes goes out as several messages, threaded in order: the card shows
// each as it will be posted, before anyone approves. One message needs no list.
function showBlocks(li, blocks) {
  const box = li.querySelector('.blocks');
  if (!box) return;
  const list = box.querySelector('.blocks-list');
  list.replaceChildren(...(blocks || []).map((block) => {
    const item = document.createElement('li');
    item.textContent = block;
    return item;
  }));
  box.querySelector('.blocks-title').textContent = `Posted as ${(blocks || []).length} messages, in this order:`;
  box.hidden = !blocks || blocks.length < 2;
}

async function checkEdit(li, text) {
  if (text.trim() === '') {
    return;
  }
  try {
    const { details, blocks } = await api(`/api/tasks/${li.dataset.taskId}/check`, { method: 'POST', body: { text } });
    showWarnings(li, details);
    showBlocks(li, blocks);
  } catch (e) {
    // A failed check leaves the last warnings; approving checks the hard rules again anyway.
  }
}

// Know the customer: what the team knew of the person when the mention was heard, on every channel.
function customerLine(customer) {
  if (!customer || customer.previousMentions === 0) {
    return 'First time we hear from them';
  }
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [`${plural(customer.previousMentions, 'earlier mention')} (${customer.channels.join(', ')})`];
  parts.push(plural(customer.previousComplaints, 'complaint'));
  parts.push(customer.previousReplies === 0 ? 'never answered'
    : `answered ${customer.previousReplies === 1 ? 'once' : `${customer.previousReplies} times`}`);
  return parts.join(' · ');
}
