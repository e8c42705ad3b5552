// A task's audit log on its card: who did what, and when, loaded when the person opens it, with the
// same log as CSV. It runs after queue.js and uses its api(). Names and details go in as text only.
'use strict';

const auditTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

async function showAuditLog(details) {
  const li = details.closest('li.task');
  if (!details.open || !li) {
    return;
  }
  const id = li.dataset.taskId;
  details.querySelector('.audit-csv').href = `/api/audit.csv?task=${encodeURIComponent(id)}`;
  const list = details.querySelector('.audit-entries');
  try {
    const { audit } = await api(`/api/tasks/${id}/audit`);
    list.replaceChildren(...audit.map((entry) => {
      const item = document.createElement('li');
      const when = document.createElement('time');
      when.dateTime = entry.at;
      when.textContent = auditTime.format(new Date(entry.at));
      const who = document.createElement('strong');
      who.className = 'audit-actor';
      who.textContent = entry.actor;
      const what = document.createElement('span');
      what.className = 'audit-action';
      what.textContent = entry.action;
      item.append(when, ' ', who, ' ', what);
      if (entry.detail) {
        const detail = document.createElement('q');
        detail.textContent = entry.detail;
        item.append(' ', detail);
      }
      return item;
    }));
    if (audit.length === 0) {
      list.textContent = 'Nothing done to this task yet.';
    }
  } catch (e) {
    list.textContent = `The audit log could not be read: ${e.message}`;
  }
}

// One listener for every card, present and future: "toggle" does not bubble, so it is caught on the way down.
document.addEventListener('toggle', (event) => {
  if (event.target.matches && event.target.matches('details.audit-log')) {
    showAuditLog(event.target);
  }
}, true);
