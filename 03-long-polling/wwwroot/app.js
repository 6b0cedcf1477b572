// The page of step 03. It long-polls: it asks the server for the messages after the last one it has, the server holds
// the request until there is news (or until its timeout), and the page asks again as soon as the answer arrives.
// After a failure it waits before trying again, longer after each failure in a row: set the first and the longest
// pause in the address, /?retryMs=500&maxRetryMs=10000.

const settings = new URLSearchParams(location.search);
const firstRetryMs = positiveNumber(settings.get('retryMs'), 500);
const maxRetryMs = positiveNumber(settings.get('maxRetryMs'), 10_000);
const statsIntervalMs = 1000;

const list = document.querySelector('#messages');
const counts = { waits: 0, emptyWaits: 0, failedWaits: 0 };
let lastId = 0;

/** Shows a message at the end of the list. Everything goes in as text, so a message can never become HTML. */
function show(message) {
  const item = document.createElement('li');
  item.dataset.id = message.id;
  const author = document.createElement('strong');
  author.textContent = message.author;
  const time = document.createElement('time');
  time.dateTime = message.sentAt;
  time.textContent = new Date(message.sentAt).toLocaleTimeString();
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = message.text;
  item.append(author, time, text);
  list.append(item);
  list.scrollTop = list.scrollHeight;
}

/**
 * Waits for news for as long as the page is open: one request at a time, always waiting on the server, so a message
 * reaches this page moments after anyone posts it.
 */
async function waitForever() {
  // TODO 3: Ask GET /api/messages/wait?after=<lastId> in a loop, and ask again AT ONCE after each answer.
  //   200: show each message and remember the last id. 204: the server's timeout, nothing new; that is no failure.
  //   Any other status, or no answer at all (fetch throws): pause before the next try, firstRetryMs after a first
  //   failure, twice as long after each failure in a row, never longer than maxRetryMs; a success starts again from firstRetryMs.
  //   Count in counts.waits, counts.emptyWaits (204) and counts.failedWaits, and call showCounts() after each try.
  throw new Error("TODO 3: Ask GET /api/messages/wait?after=<lastId> in a loop, and ask again AT ONCE after each answer.");
}

/** Sends the form as JSON. The server's refusal (problem details) is shown under the form. */
async function send(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const error = document.querySelector('#send-error');
  const response = await fetch('/api/messages', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: form.author.value, text: form.text.value }),
  });
  if (response.ok) {
    form.text.value = '';
    error.hidden = true;
  } else {
    const problem = await response.json().catch(() => ({}));
    error.textContent = Object.values(problem.errors ?? {}).flat().join(' ') || problem.detail || `The server answered ${response.status}.`;
    error.hidden = false;
  }
  form.text.focus();
}

/** The server's figures, every second, beside this page's own. */
async function refreshStats() {
  while (true) {
    try {
      const stats = await (await fetch('/api/stats')).json();
      setNumber('#server-requests', stats.requests);
      setNumber('#server-empty', stats.emptyResponses);
      setNumber('#server-messages', stats.messages);
      setNumber('#server-waiting', stats.waiting);
    } catch (error) {
      console.warn('The stats are not available:', error);
    }
    await delay(statsIntervalMs);
  }
}

function showCounts() {
  setNumber('#waits', counts.waits);
  setNumber('#empty-waits', counts.emptyWaits);
  setNumber('#failed-waits', counts.failedWaits);
}

function setNumber(selector, value) {
  document.querySelector(selector).textContent = String(value);
}

function positiveNumber(text, fallback) {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function delay(milliseconds) {
  return new Promise(resolve => setTimeout(resolve, milliseconds));
}

document.querySelector('#send').addEventListener('submit', send);
// The loop only ends when it throws: then the console says why.
waitForever().catch(error => console.error(error));
refreshStats();
