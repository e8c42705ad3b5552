// What the polls could not read or store, shown above the queue as "Could not read": each item says
// where it came from and why, shows its raw source on request, and Read again asks the server to read
// it once more (after an upgrade). It runs after queue.js and uses its api(), signedIn() and note().
// Everything that came from outside is put into the page with textContent only, never as HTML.
'use strict';

let refreshingQuarantine = false;

function buildQuarantineCard(item) {
  const li = $('quarantine-template').content.firstElementChild.cloneNode(true);
  li.dataset.itemId = String(item.id);
  li.querySelector('.platform').textContent = item.platform;
  li.querySelector('.connector').textContent = item.connectorId;
  li.querySelector('.external-id').textContent = item.externalId.length > 80
    ? `${item.externalId.slice(0, 80)}… (${item.externalId.length} characters)` : item.externalId;
  li.querySelector('.quarantine-reason').textContent = item.reason
    + (item.requeueResult ? ` (read again: ${item.requeueResult})` : '');
  const details = li.querySelector('details');
  details.querySelector('summary').textContent = `Raw source (${item.bytes} bytes${item.truncated ? ', cut' : ''})`;
  details.addEventListener('toggle', () => showSource(li, details));
  li.querySelector('.requeue').addEventListener('click', () => readAgain(li));
  return li;
}

async function showSource(li, details) {
  if (!details.open || li.dataset.loaded) {
    return;
  }
  try {
    const item = await api(`/api/quarantine/${li.dataset.itemId}`);
    li.querySelector('.quarantine-source').textContent = item.source;
    li.dataset.loaded = 'yes';
  } catch (e) {
    li.querySelector('.task-error').textContent = e.message;
  }
}

async function refreshQuarantine() {
  if (!signedIn() || refreshingQuarantine) {
    return;
  }
  refreshingQuarantine = true;
  try {
    const { items } = await api('/api/quarantine');
    const list = $('quarantine');
    // A card someone has open (its source shown) or is sending stays as it is.
    const kept = new Map([...list.children].filter((li) => li.dataset.busy || li.querySelector('details').open)
      .map((li) => [li.dataset.itemId, li]));
    list.replaceChildren(...items.map((item) => kept.get(String(item.id)) || buildQuarantineCard(item)));
    $('quarantine-count').textContent = String(items.length);
    $('quarantine-section').hidden = items.length === 0;
  } catch (e) {
    // The queue's own refresh says when the server cannot be reached.
  } finally {
    refreshingQuarantine = false;
  }
}

async function readAgain(li) {
  const id = li.dataset.itemId;
  li.dataset.busy = 'sending';
  li.querySelector('.requeue').disabled = true;
  li.querySelector('.task-error').textContent = '';
  try {
    const outcome = await api(`/api/quarantine/${id}/requeue`, { method: 'POST', body: {} });
    if (outcome.stored) {
      li.remove();
      note(`Item ${id} was read: ${outcome.result}.`);
    } else {
      li.querySelector('.task-error').textContent = outcome.result;
    }
  } catch (e) {
    if (e.status !== 401) {
      li.querySelector('.task-error').textContent = e.message;
    }
  } finally {
    delete li.dataset.busy;
    li.querySelector('.requeue').disabled = false;
    await refreshQuarantine();
  }
}

document.addEventListener('earshot:signed-in', refreshQuarantine);
$('refresh-button').addEventListener('click', refreshQuarantine);
setInterval(refreshQuarantine, REFRESH_MS);
refreshQuarantine();
