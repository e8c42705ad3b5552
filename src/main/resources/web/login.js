// The sign-in page. The server sets the session cookie (HttpOnly: this script never sees it); the
// page goes on to where the person was headed (?next=/tasks/58), only ever a path on this server.
'use strict';

const $ = (id) => document.getElementById(id);

// Fixed texts for why the queue sent someone here: nothing from the address is ever shown as is.
const REASONS = {
  'signed-out': 'You are signed out.',
  expired: 'Your session has ended. Sign in again.',
  token: 'The token was not accepted. Sign in with your account instead.',
};

function nextPath() {
  const next = new URLSearchParams(location.search).get('next');
  // A path on this server only: "/", "/tasks/58", "/inbox.html"; never "//other.example" or "https://...".
  return next && /^\/(?!\/)[A-Za-z0-9/_.-]*$/.test(next) ? next : '/';
}

async function signIn(event) {
  event.preventDefault();
  const name = $('login-name').value.trim();
  const password = $('login-password').value;
  if (name === '' || password === '') {
    $('login-error').textContent = 'Enter your name and password.';
    return;
  }
  $('login-button').disabled = true;
  $('login-error').textContent = '';
  try {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, password }),
      cache: 'no-store',
    });
    if (response.ok) {
      location.replace(nextPath());
      return;
    }
    let message = `HTTP ${response.status}`;
    try {
      message = (await response.json()).error || message;
    } catch (e) {
      // the status says enough
    }
    $('login-error').textContent = message;
    $('login-password').value = '';
    $('login-password').focus();
  } catch (e) {
    $('login-error').textContent = `Earshot could not be reached: ${e.message}`;
  } finally {
    $('login-button').disabled = false;
  }
}

async function start() {
  const reason = REASONS[new URLSearchParams(location.search).get('reason')];
  if (reason) {
    $('login-reason').textContent = reason;
    $('login-reason').hidden = false;
  }
  $('login-form').addEventListener('submit', signIn);
  $('login-name').focus();
  // Already signed in (another tab did): straight on.
  try {
    const response = await fetch('/api/session', { cache: 'no-store' });
    if (response.ok && !reason) {
      location.replace(nextPath());
    }
  } catch (e) {
    // stay on the form
  }
}

start();
