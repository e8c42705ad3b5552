// Replies the outbox stopped trying, shown above the queue: the platform refused them for good, or
// they failed as often as the outbox allows. Each says why, and Retry has the outbox post it again.
// It runs after queue.js and uses its api(), signedIn() and note(). Everything that came from
// outside is put into the page with textContent only, never as HTML.
'use strict';

let refreshingBlocked = false;

function blockedLine(delivery) {
  const attempts = `${delivery.attempts} ${delivery.attempts === 1 ? 'attempt' : 'attempts'}`;
  return `blocked after ${attempts}: ${delivery.lastError || 'no error recorded'}`;
}

function buildBlockedCard(task) {
  const li = $('blocked-template').content.firstElementChild.cloneNode(true);
  li.dataset.taskId = String(task.id);
  const author = task.mention.author;
  li.querySelector('.platform').textContent = task.mention.platform;
  li.querySelector('.author').textContent = author.name ? `${author.name} (${author.handle})` : author.handle;
  li.querySelector('.blocked-reply').textContent = task.decision.approvedText || task.draft.text;
  li.querySelector('.blocked-line').textContent = blockedLine(task.delivery);
  li.querySelector('.retry').addEventListener('click', () => retry(li));
  return li;
}

async function refreshBlocked() {
  if (!signedIn() || refreshingBlocked) {
    return;
  }
  refreshingBlocked = true;
  try {
    const { tasks } = await api('/api/tasks?state=FAILED');
    const blocked = tasks.filter((task) => task.delivery.blocked);
    const list = $('blocked');
    // A card whose Retry is on its way stays as it is.
    const sending = new Map([...list.children].filter((li) => li.dataset.busy).map((li) => [li.dataset.taskId, li]));
    list.replaceChildren(...blocked.map((task) => sending.get(String(task.id)) || buildBlockedCard(task)));
    $('blocked-section').hidden = blocked.length === 0;
  } catch (e) {
    // The queue's own refresh says when the server cannot be reached.
  } finally {
    refreshingBlocked = false;
  }
}

async function retry(li) {
  const id = li.dataset.taskId;
  li.dataset.busy = 'sending';
  li.querySelector('.retry').disabled = true;
  li.querySelector('.task-error').textContent = '';
  try {
    await api(`/api/tasks/${id}/retry`, { method: 'POST', body: {} });
    li.remove();
    note(`Task ${id} is approved again; the outbox posts it at its next run.`);
  } catch (e) {
    if (e.status === 409 || e.status === 404) {
      li.remove();
      note(`Task ${id} could not be retried: ${e.message}`);
    } else if (e.status !== 401) {
      li.querySelector('.task-error').textContent = e.message;
    }
  } finally {
    delete li.dataset.busy;
    li.querySelector('.retry').disabled = false;
    await refreshBlocked();
  }
}

document.addEventListener('earshot:signed-in', refreshBlocked);
$('refresh-button').addEventListener('click', refreshBlocked);
setInterval(refreshBlocked, REFRESH_MS);
refreshBlocked();
