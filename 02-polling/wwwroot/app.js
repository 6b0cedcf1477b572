// The page of step 02. It polls: every pollIntervalMs it asks the server for the messages after the last one it has.
// Set the interval in the address: /?pollIntervalMs=250.

const pollIntervalMs = positiveNumber(new URLSearchParams(location.search).get('pollIntervalMs'), 1000);
const statsIntervalMs = 1000;

const list = document.querySelector('#messages');
const counts = { polls: 0, emptyPolls: 0 };
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

/** One poll: ask for what is new since lastId, show it, remember where we are. */
async function pollOnce() {
  // TODO 4: Ask GET /api/messages?after=<lastId>, show each message that comes back, and remember the last id.
  //   Count every poll in counts.polls, and the ones that bring no message in counts.emptyPolls.
  //   When response.ok is false, throw an Error: the loop below logs it and polls again later.
  throw new Error("TODO 4: Ask GET /api/messages?after=<lastId>, show each message that comes back, and remember the last id.");
}

/**
 * Polls for as long as the page is open. The next poll starts pollIntervalMs after the previous one ended, not on a
 * fixed clock (setInterval): a slow answer never makes two polls overlap and show a message twice.
 */
async function pollForever() {
  while (true) {
    try {
      await pollOnce();
    } catch (error) {
      console.error(error);
    }
    showCounts();
    await delay(pollIntervalMs);
  }
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
  setNumber('#polls', counts.polls);
  setNumber('#empty-polls', counts.emptyPolls);
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

document.querySelector('#interval').textContent = String(pollIntervalMs);
document.querySelector('#send').addEventListener('submit', send);
pollForever();
refreshStats();
