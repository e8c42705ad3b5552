// Earshot's inbox: the list and one task side by side. The server filters, searches, orders, pages
// and counts; this page only asks and shows. Everything that came from outside (mentions, names,
// notes, drafts) goes into the page as text nodes, never as HTML, so a mention cannot run script here.
'use strict';

const TOKEN_KEY = 'earshot.token';
const PAGE_SIZE = 50;
const REFRESH_MS = 10000;
const PRESENCE_MS = 4000;
const UNDO_SECONDS = 10;

const $ = (id) => document.getElementById(id);
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const view = { offset: 0, total: 0, tasks: [], openId: null, open: null, editing: false, selected: new Set() };
let presenceTimer = null;
let undoTimer = null;

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
  }
}

// Who is signed in: {name, role, via, csrfToken, can: {edit, approve, override, ...}} from GET /api/session,
// as on the card queue. A browser session is a cookie the script never sees; a script's service token
// may still come in a #token=... link, kept for this tab only and taken out of the address bar.
let caller = null;

function takeTokenFromFragment() {
  const match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    const rest = location.hash.slice(1).split('&').filter((part) => !part.startsWith('token=')).join('&');
    history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  }
}

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function signedIn() {
  return caller !== null;
}

function can(what) {
  return Boolean(caller && caller.can && caller.can[what]);
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
    method, headers, cache: 'no-store',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (response.status === 401) {
    toLogin(token() ? 'token' : (caller ? 'expired' : ''));
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

// To the sign-in page, which comes back to this page once signed in.
function toLogin(reason) {
  sessionStorage.removeItem(TOKEN_KEY);
  caller = null;
  const next = encodeURIComponent(location.pathname);
  location.replace(`/login?next=${next}${reason ? `&reason=${reason}` : ''}`);
}

// The page offers only what the server would allow this role (the same can-* classes as the card
// queue); the server refuses the rest anyway.
function applyRole() {
  for (const what of ['edit', 'approve', 'override', 'administer']) {
    document.body.classList.toggle(`can-${what}`, can(what));
  }
  document.body.dataset.role = caller.role;
  $('who').textContent = `${caller.name} · ${caller.role}`;
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

// el('p', { class: 'x' }, 'text', child): strings become text nodes, never markup.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) {
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return node;
}

// Presence names the signed-in person; every action's actor is taken from the session by the server.
function me() {
  return caller ? caller.name : 'someone';
}

function humanMinutes(minutes) {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  return `${Math.floor(minutes / 1440)} days`;
}

function dueText(task) {
  const sl = task.serviceLevel;
  if (!sl) return task.state === 'NEW' ? '' : task.state.toLowerCase().replaceAll('_', ' ');
  if (sl.minutesLeft < 0) return `breached ${humanMinutes(-sl.minutesLeft)} ago`;
  return sl.state === 'about_to_breach' ? `about to breach: ${humanMinutes(sl.minutesLeft)}` : `due in ${humanMinutes(sl.minutesLeft)}`;
}

function who(task) {
  const a = task.mention.author;
  return a.name ? `${a.name} (${a.handle})` : a.handle;
}

function firstLine(task) {
  const t = (task.mention.subject ? `${task.mention.subject}: ` : '') + task.mention.text;
  const line = t.split('\n')[0];
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

// ---- the list ----

function query() {
  const p = new URLSearchParams();
  const state = $('filter-state').value;
  if (state === 'snoozed') { p.set('state', 'NEW'); p.set('snoozed', 'only'); } else if (state) p.set('state', state);
  for (const [param, id] of [['level', 'filter-level'], ['platform', 'filter-platform'], ['brand', 'filter-brand'],
    ['language', 'filter-language'], ['assignee', 'filter-assignee'], ['q', 'search'], ['order', 'filter-order']]) {
    const v = $(id).value.trim();
    if (v) p.set(param, v);
  }
  if ($('filter-breach').checked) p.set('aboutToBreach', 'true');
  p.set('limit', String(PAGE_SIZE));
  p.set('offset', String(view.offset));
  return p.toString();
}

let refreshing = false;
async function refresh() {
  if (!signedIn() || refreshing) return;
  refreshing = true;
  try {
    const page = await api(`/api/tasks?${query()}`);
    view.tasks = page.tasks;
    view.total = page.total;
    renderList();
    renderCounts(page);
    if (view.openId !== null && !view.editing) {
      reloadOpen(false);
    }
  } catch (e) {
    if (e.status !== 401) $('counts').textContent = `could not load the tasks: ${e.message}`;
  } finally {
    refreshing = false;
  }
}

function renderCounts(page) {
  const s = page.counts.states;
  const sl = page.counts.serviceLevel;
  $('counts').textContent = `${page.total} matching · open ${s.NEW} · sending ${s.APPROVED} · posted ${s.POSTED}`
    + ` · failed ${s.FAILED} · rejected ${s.REJECTED} · by hand ${s.ANSWERED_BY_HAND}`
    + ` · about to breach ${sl.aboutToBreach} · breached ${sl.breached}`;
  const first = page.total === 0 ? 0 : view.offset + 1;
  $('page-label').textContent = `${first}–${view.offset + page.tasks.length} of ${page.total}`;
  $('prev-page').disabled = view.offset === 0;
  $('next-page').disabled = view.offset + page.tasks.length >= page.total;
  remember('platforms', page.tasks.map((t) => t.mention.platform));
  remember('brands', page.tasks.map((t) => t.mention.brand));
}

function remember(listId, values) {
  const list = $(listId);
  const known = new Set([...list.children].map((o) => o.value));
  for (const v of values) {
    if (!known.has(v)) { known.add(v); list.append(el('option', { value: v })); }
  }
}

function renderList() {
  const items = view.tasks.map((task) => {
    const id = String(task.id);
    const level = task.scores.urgencyLevel;
    const box = el('input', { type: 'checkbox', class: 'pick', 'aria-label': `select task ${id} from ${who(task)}` });
    box.checked = view.selected.has(task.id);
    box.addEventListener('change', () => { toggleSelected(task.id, box.checked); });
    const open = el('button', { type: 'button', class: 'row-open', onclick: () => openTask(task.id) },
      el('span', { class: 'row-who' }, who(task)),
      el('span', { class: 'row-channel' }, `${task.mention.platform} · ${task.mention.brand}`),
      el('span', { class: 'row-line' }, firstLine(task)),
      el('span', { class: `badge ${level}` }, level),
      el('span', { class: `row-due ${task.serviceLevel ? task.serviceLevel.state : ''}` }, dueText(task)),
      task.assignee ? el('span', { class: 'row-assignee' }, `→ ${task.assignee}`) : null);
    return el('li', { class: `row${task.id === view.openId ? ' current' : ''}`, 'data-task-id': id }, box, open);
  });
  $('list').replaceChildren(...items);
  $('empty').hidden = items.length > 0;
  $('select-all').checked = view.tasks.length > 0 && view.tasks.every((t) => view.selected.has(t.id));
}

function toggleSelected(id, on) {
  if (on) view.selected.add(id); else view.selected.delete(id);
  $('bulk').hidden = view.selected.size === 0;
  $('bulk-count').textContent = `${view.selected.size} selected`;
}

async function bulk(action, extra) {
  const ids = [...view.selected];
  try {
    const answer = await api('/api/tasks/bulk', { method: 'POST', body: { ids, action, ...extra } });
    const failed = answer.results.filter((r) => !r.done);
    notice(`${answer.done} of ${ids.length} done` + (failed.length ? `; not done: ${failed.map((f) => `task ${f.id} (${f.error})`).join('; ')}` : ''));
    view.selected.clear();
    toggleSelected(0, false);
  } catch (e) {
    notice(`Bulk ${action} failed: ${e.message}`);
  }
  refresh();
}

// ---- one task ----

async function openTask(id) {
  if (view.openId !== null && view.openId !== id) leavePresence(view.openId);
  view.openId = id;
  view.editing = false;
  history.replaceState(null, '', `#task=${id}`);
  document.body.classList.add('reading');
  [...$('list').children].forEach((li) => li.classList.toggle('current', li.dataset.taskId === String(id)));
  await reloadOpen(true);
  beat();
}

async function reloadOpen(fresh) {
  const id = view.openId;
  try {
    const [task, notes] = await Promise.all([api(`/api/tasks/${id}`), api(`/api/tasks/${id}/notes`)]);
    if (id !== view.openId) return;
    if (!fresh && view.open && view.open.version === task.version && view.open.state === task.state
      && view.openNotes === notes.notes.length && view.open.assignee === task.assignee) {
      return;
    }
    if (!fresh && view.open && view.open.state === 'NEW' && task.state !== 'NEW') {
      notice(`Task ${id} was ${task.state.toLowerCase().replaceAll('_', ' ')} by ${task.decision.actor || 'someone'} meanwhile.`);
    }
    view.open = task;
    view.openNotes = notes.notes.length;
    renderDetail(task, notes.notes);
  } catch (e) {
    $('detail').hidden = false;
    $('detail-body').replaceChildren(el('p', { class: 'error', role: 'alert' }, `Task ${id} could not be opened: ${e.message}`));
  }
}

function section(title, ...children) {
  return el('section', { class: 'block' }, el('h3', {}, title), ...children);
}

function renderDetail(task, notes) {
  const handle = task.mention.author.handle;
  const m = task.mention;
  const body = [
    el('h2', { id: 'task-heading' }, `Task ${task.id}: ${who(task)} on ${m.platform}`),
    el('p', { class: 'meta' },
      el('span', { class: `badge ${task.scores.urgencyLevel}` }, task.scores.urgencyLevel),
      ` ${task.scores.sentiment} · ${m.brand} · heard ${dateTime.format(new Date(m.receivedAt))} · `,
      el('span', { class: 'state' }, task.state.toLowerCase().replaceAll('_', ' ')),
      task.serviceLevel ? ` · ${dueText(task)}` : '',
      task.assignee ? ` · assigned to ${task.assignee}` : '',
      task.snoozedUntil ? ` · snoozed until ${dateTime.format(new Date(task.snoozedUntil))}` : ''),
    el('p', { id: 'presence', class: 'presence', 'aria-live': 'polite' }),
    section('Conversation',
      el('ol', { class: 'thread' },
        el('li', {}, el('p', { class: 'thread-who' }, who(task)), m.subject ? el('p', { class: 'subject' }, m.subject) : null,
          el('blockquote', { class: 'mention-text' }, m.text),
          m.url ? el('a', { href: m.url, target: '_blank', rel: 'noopener noreferrer' }, `Open ${handle}'s post on ${m.platform}`) : null),
        (task.thread || []).map((t) => el('li', {}, el('p', { class: 'thread-who' }, t.author.name || t.author.handle),
          el('blockquote', { class: 'mention-text' }, t.text))))),
    section('Customer history', el('p', { class: 'customer' }, customerLine(task.customer))),
    section('Why it ranks here', el('ul', { class: 'reasons' }, task.scores.reasons.map((r) => el('li', {}, r)))),
    replySection(task),
    section('Notes', el('ul', { class: 'notes' }, notes.map((n) => el('li', {},
      el('span', { class: 'note-who' }, `${n.author}, ${dateTime.format(new Date(n.at))}: `), noteText(n)))),
    el('form', { class: 'note-form', onsubmit: (e) => { e.preventDefault(); addNote(task.id); } },
      el('label', {}, 'Add a note (use @name)', el('input', { id: 'note-input', maxlength: '4000', required: true })),
      el('button', { type: 'submit' }, `Add note to task ${task.id}`))),
    teamSection(task),
    section('History', el('ul', { class: 'history' }, (task.history || []).map((h) => el('li', {},
      `${dateTime.format(new Date(h.at))} · ${h.actor} · ${h.action}${h.detail ? `: ${h.detail}` : ''}`)))),
    el('p', { id: 'task-error', class: 'error', role: 'alert' }),
  ];
  $('detail-body').replaceChildren(...body);
  $('detail-body').setAttribute('aria-labelledby', 'task-heading');
  $('detail').hidden = false;
}

function customerLine(c) {
  if (!c || c.previousMentions === 0) return 'First time we hear from this person.';
  return `${c.previousMentions} earlier mention${c.previousMentions === 1 ? '' : 's'} (${c.channels.join(', ')}) · `
    + `${c.previousComplaints} complaint${c.previousComplaints === 1 ? '' : 's'} · answered ${c.previousReplies} time${c.previousReplies === 1 ? '' : 's'}`;
}

function noteText(n) {
  // @names stand out; every piece is still a text node.
  return n.text.split(/(@[\p{L}\p{N}_.-]+)/u).map((part) => (part.startsWith('@') ? el('strong', { class: 'at' }, part) : part));
}

function replySection(task) {
  const handle = task.mention.author.handle;
  if (task.state === 'NEW') {
    return section('Reply',
      el('p', { id: 'draft-text', class: 'draft-text' }, task.draft.text),
      el('label', { id: 'draft-edit', hidden: true }, `Your reply to ${handle}`,
        el('textarea', { id: 'draft-editor', rows: '6' })),
      el('ul', { class: 'warnings' }, task.warnings.map((w) => el('li', { class: w.kind }, `${w.kind}: ${w.text}`))),
      el('div', { class: 'actions' },
        el('button', { type: 'button', id: 'approve-button', class: 'primary', onclick: () => approve(false) },
          task.channel.readOnly ? `Mark answered by hand (${handle})` : `Approve reply to ${handle}`),
        el('button', { type: 'button', id: 'edit-button', onclick: startEdit }, `Edit reply to ${handle}`),
        el('button', { type: 'button', id: 'reject-button', class: 'danger', onclick: startReject }, `Reject task ${task.id}`)),
      el('form', { id: 'reject-form', hidden: true, onsubmit: (e) => { e.preventDefault(); reject(); } },
        el('label', {}, 'Reason for rejecting', el('input', { id: 'reject-reason', maxlength: '2000', required: true })),
        el('button', { type: 'submit', class: 'danger' }, `Reject task ${task.id}`)),
      el('div', { id: 'violations', hidden: true }));
  }
  const d = task.decision;
  const lines = [];
  if (d.approvedText) lines.push(el('p', { class: 'draft-text' }, d.approvedText));
  if (d.actor) lines.push(el('p', {}, `${task.state === 'REJECTED' ? 'Rejected' : 'Approved'} by ${d.actor}, ${dateTime.format(new Date(d.at))}`));
  if (task.state === 'REJECTED') lines.push(el('p', {}, `Reason: ${d.rejectReason}`));
  if (task.state === 'POSTED') {
    lines.push(el('p', { class: 'posted' }, `Posted ${dateTime.format(new Date(task.delivery.postedAt))} as ${task.delivery.postedReplyId}. `,
      task.mention.url ? el('a', { href: task.mention.url, target: '_blank', rel: 'noopener noreferrer' }, 'Open the conversation with the posted reply') : null));
  }
  if (task.state === 'APPROVED') lines.push(el('p', {}, 'Waiting in the outbox to be posted.'));
  if (task.state === 'FAILED') {
    lines.push(el('p', { class: 'error' }, `Posting failed after ${task.delivery.attempts} attempt(s): ${task.delivery.lastError || ''}`));
    if (task.delivery.blocked) {
      lines.push(el('button', { type: 'button', class: 'primary retry', onclick: () => retry(task.id) }, `Retry posting the reply to ${handle}`));
    } else {
      lines.push(el('p', {}, 'The outbox tries it again by itself.'));
    }
  }
  if (task.state === 'ANSWERED_BY_HAND') lines.push(el('p', {}, 'Answered by hand where the mention appeared.'));
  return section('Reply', ...lines);
}

function teamSection(task) {
  return section('Team',
    el('form', { class: 'inline assign-form', onsubmit: (e) => { e.preventDefault(); assign(task.id, $('assign-input').value); } },
      el('label', {}, 'Assign to (a name, or team:name)', el('input', { id: 'assign-input', maxlength: '200', value: task.assignee || '' })),
      el('button', { type: 'submit' }, `Assign task ${task.id}`)),
    task.state === 'NEW' ? el('form', { class: 'inline snooze-form', onsubmit: (e) => { e.preventDefault(); snooze(task.id, Number($('snooze-select').value)); } },
      el('label', {}, 'Snooze for', el('select', { id: 'snooze-select' },
        el('option', { value: '60' }, '1 hour'), el('option', { value: '240' }, '4 hours'),
        el('option', { value: '1440' }, '1 day'), el('option', { value: '0' }, 'wake it now'))),
      el('button', { type: 'submit', id: 'snooze-button' }, `Snooze task ${task.id}`)) : null);
}

function showError(message) {
  const e = $('task-error');
  if (e) e.textContent = message;
}

function startEdit() {
  if (!view.open || view.open.state !== 'NEW') return;
  view.editing = true;
  $('draft-edit').hidden = false;
  $('draft-text').hidden = true;
  if (!$('draft-editor').value) $('draft-editor').value = view.open.draft.text;
  $('draft-editor').focus();
  beat();
}

function startReject() {
  if (!view.open || view.open.state !== 'NEW') return;
  $('reject-form').hidden = false;
  $('reject-reason').focus();
}

async function approve(override) {
  const task = view.open;
  if (!task || task.state !== 'NEW') return;
  const body = { version: task.version, override, undoSeconds: task.channel.readOnly ? 0 : UNDO_SECONDS };
  if (view.editing) body.text = $('draft-editor').value;
  try {
    const done = await api(`/api/tasks/${task.id}/approve`, { method: 'POST', body });
    view.editing = false;
    if (done.state === 'APPROVED') {
      startUndo(done);
    } else {
      notice(`Task ${done.id} closed as answered by hand.`);
    }
    await reloadOpen(true);
    refresh();
  } catch (e) {
    if (e.status === 422) {
      showViolations(e.message);
    } else if (e.status === 409) {
      showError(e.message);
      $('task-error').append(' ', el('button', { type: 'button', onclick: () => { view.editing = false; reloadOpen(true); } }, `Reload task ${task.id}`));
    } else {
      showError(`Not approved: ${e.message}`);
    }
  }
}

function showViolations(message) {
  const box = $('violations');
  box.hidden = false;
  box.replaceChildren(el('p', {}, message),
    el('button', { type: 'button', class: 'danger override', onclick: () => approve(true) }, 'Approve anyway (recorded in the audit log)'),
    el('p', { class: 'override-note' }, 'Only an admin may approve a reply that breaks a hard rule: edit it instead.'));
}

function startUndo(task) {
  clearInterval(undoTimer);
  let left = UNDO_SECONDS;
  const show = () => { $('notice-text').textContent = `Reply to ${task.mention.author.handle} approved; it is sent in ${left} s. `; };
  $('notice').hidden = false;
  $('undo-button').hidden = false;
  $('undo-button').dataset.taskId = String(task.id);
  show();
  undoTimer = setInterval(() => {
    left -= 1;
    if (left <= 0) {
      clearInterval(undoTimer);
      $('undo-button').hidden = true;
      $('notice-text').textContent = `Reply to ${task.mention.author.handle} handed to the outbox.`;
    } else {
      show();
    }
  }, 1000);
}

async function undo() {
  const id = Number($('undo-button').dataset.taskId);
  clearInterval(undoTimer);
  $('undo-button').hidden = true;
  try {
    await api(`/api/tasks/${id}/undo`, { method: 'POST', body: {} });
    notice(`Approval of task ${id} undone: it is back in the queue.`);
  } catch (e) {
    notice(`Could not undo: ${e.message}`);
  }
  if (view.openId === id) reloadOpen(true);
  refresh();
}

function notice(message) {
  clearInterval(undoTimer);
  $('undo-button').hidden = true;
  $('notice').hidden = false;
  $('notice-text').textContent = message;
}

async function act(path, body, done) {
  try {
    await api(path, { method: 'POST', body });
    if (done) notice(done);
    await reloadOpen(true);
    refresh();
  } catch (e) {
    showError(e.message);
  }
}

function reject() {
  return act(`/api/tasks/${view.openId}/reject`, { reason: $('reject-reason').value }, `Task ${view.openId} rejected.`);
}

function retry(id) {
  return act(`/api/tasks/${id}/retry`, {}, `Task ${id} is approved again and will be posted.`);
}

function assign(id, assignee) {
  return act(`/api/tasks/${id}/assign`, { assignee: assignee.trim() || null });
}

function snooze(id, minutes) {
  return act(`/api/tasks/${id}/snooze`, { minutes },
    minutes ? `Task ${id} snoozed for ${humanMinutes(minutes)}.` : `Task ${id} is back in the open list.`);
}

function addNote(id) {
  return act(`/api/tasks/${id}/notes`, { text: $('note-input').value });
}

// ---- who else has it open ----

async function beat() {
  clearTimeout(presenceTimer);
  const id = view.openId;
  if (id === null || !signedIn()) return;
  try {
    const { others } = await api(`/api/tasks/${id}/presence`, { method: 'POST',
      body: { person: me(), activity: view.editing ? 'editing' : 'viewing' } });
    const line = $('presence');
    if (line && id === view.openId) {
      line.textContent = others.map((o) => `${o.person} is ${o.activity}`).join(' · ');
      line.classList.toggle('editing', others.some((o) => o.activity === 'editing'));
    }
  } catch (e) {
    // The next beat tries again.
  }
  presenceTimer = setTimeout(beat, PRESENCE_MS);
}

function leavePresence(id) {
  api(`/api/tasks/${id}/presence`, { method: 'POST', body: { person: me(), activity: 'left' } }).catch(() => {});
}

// ---- keys ----

function move(step) {
  if (view.tasks.length === 0) return;
  const at = view.tasks.findIndex((t) => t.id === view.openId);
  const next = Math.min(view.tasks.length - 1, Math.max(0, at < 0 ? 0 : at + step));
  openTask(view.tasks[next].id);
  const row = $('list').children[next];
  if (row) row.querySelector('.row-open').focus();
}

function onKey(e) {
  const typing = e.target.closest('input, textarea, select');
  if (e.key === 'Escape') {
    if (view.editing) { view.editing = false; reloadOpen(true); }
    if (typing) e.target.blur();
    return;
  }
  if (typing || e.ctrlKey || e.metaKey || e.altKey || $('help').open) return;
  const keys = {
    // Keys for what this role may not do do nothing, like the buttons the page hides.
    j: () => move(1), k: () => move(-1), a: () => can('approve') && approve(false),
    e: () => can('edit') && startEdit(), r: () => can('approve') && startReject(),
    s: () => can('edit') && view.openId !== null && snooze(view.openId, 60), '/': () => $('search').focus(),
    '?': () => $('help').showModal(),
    x: () => {
      if (view.openId === null || !can('approve')) return;
      toggleSelected(view.openId, !view.selected.has(view.openId));
      renderList();
    },
  };
  const run = keys[e.key];
  if (run) { e.preventDefault(); run(); }
}

// ---- start ----

async function start() {
  takeTokenFromFragment();
  $('sign-out-button').addEventListener('click', signOut);
  $('help-button').addEventListener('click', () => $('help').showModal());
  let typingTimer = null;
  const again = () => { view.offset = 0; clearTimeout(typingTimer); typingTimer = setTimeout(refresh, 250); };
  $('filters').addEventListener('input', again);
  $('filters').addEventListener('submit', (e) => { e.preventDefault(); again(); });
  $('prev-page').addEventListener('click', () => { view.offset = Math.max(0, view.offset - PAGE_SIZE); refresh(); });
  $('next-page').addEventListener('click', () => { view.offset += PAGE_SIZE; refresh(); });
  $('back-button').addEventListener('click', () => { document.body.classList.remove('reading'); $('detail').hidden = true; });
  $('undo-button').addEventListener('click', undo);
  $('select-all').addEventListener('change', () => {
    view.tasks.forEach((t) => toggleSelected(t.id, $('select-all').checked));
    renderList();
  });
  $('bulk-reject').addEventListener('click', () => {
    const reason = $('bulk-reason').value.trim();
    if (!reason) { $('bulk-reason').focus(); notice('A bulk rejection needs a reason.'); return; }
    bulk('reject', { reason });
  });
  $('bulk-assign').addEventListener('click', () => bulk('assign', { assignee: $('bulk-assignee').value.trim() || null }));
  $('bulk-relabel').addEventListener('click', () => bulk('relabel', { urgencyLevel: $('bulk-level').value }));
  document.addEventListener('keydown', onKey);
  window.addEventListener('pagehide', () => { if (view.openId !== null) leavePresence(view.openId); });
  try {
    caller = await api('/api/session');
  } catch (e) {
    if (e.status !== 401) {
      $('workspace').hidden = false;
      $('counts').textContent = `Earshot could not be reached: ${e.message}`;
    }
    return;
  }
  applyRole();
  $('workspace').hidden = false;
  $('me').hidden = false;
  refresh();
  const deep = /(?:^|&)task=(\d+)/.exec(location.hash.slice(1));
  if (deep) openTask(Number(deep[1]));
  setInterval(refresh, REFRESH_MS);
}

start();
