// The page of step 05: one WebSocket to /chat, and a chat on top of it. The server sends JSON messages (welcome,
// message, joined, left, renamed, presence, error); the page sends {"type":"message"} and {"type":"rename"}.
// The ids and classes the page uses, and the browser tests look for, are listed at the top of index.html.
//
// Your part is TODO 6 (connect and show) and TODO 7 (reconnect). Everything else here is given: finding the page's
// elements, drawing messages and system lines, the status, the buttons, and telling you in the console when the
// server stops at one of its own TODOs.
//
// Reconnection waits can be set in the address, for a demonstration: /?retryMs=500&maxRetryMs=10000.

const settings = new URLSearchParams(location.search);
const firstDelayMs = positiveNumber(settings.get("retryMs"), 500);
const maxDelayMs = positiveNumber(settings.get("maxRetryMs"), 10_000);

const statusLine = document.querySelector("#status");
const onlineCount = document.querySelector("#online");
const messageList = document.querySelector("#messages");
const nicknameField = document.querySelector("#nickname");
const textField = document.querySelector("#text");
const sendButton = document.querySelector("#send");
const leaveButton = document.querySelector("#leave");

const nicknameKey = "broadcast-chat.nickname";

/** Everything the page knows about its connection. */
const state = {
  socket: null, // the current WebSocket; null between two connections
  opened: false, // whether the current socket opened: a close before that is a refused handshake
  leaving: false, // the page closes on purpose (Leave, or the page goes away): nothing to reconnect
  me: null, // {id, nickname}: who the server says this page is (the welcome, then renames)
  meServerId: null, // the serverId of the welcome that gave "me"
  formerIds: new Set(), // this page's ids on the same server before a reconnection: its messages are still "own"
  attempt: 0, // reconnection attempts since the last welcome (TODO 7)
  serverId: null, // the serverId of the last welcome: another one means the server restarted (TODO 7)
  lastId: 0, // the id of the newest chat message shown (TODO 7)
  todo: null, // the server's unfinished TODO, once it named one
  retryTimer: 0,
  countdown: 0,
};

// ---------------------------------------------------------------------------------------------------------------
// Connecting: the given frame around TODO 6 and TODO 7.

/** Opens a connection. Called at load, by TODO 7 after a wait, and by the Join button. */
function connect() {
  clearTimeout(state.retryTimer);
  state.leaving = false;
  state.opened = false;
  setStatus("connecting", "connecting…");
  let socket;
  try {
    socket = openSocket();
  } catch (error) {
    // The starter lands here: TODO 6 is not written yet. Say so on the page and in the console.
    setStatus("offline", `offline: ${error.message}`);
    showSystem(error.message, "error");
    console.error(error);
    return;
  }
  state.socket = socket;
  socket.addEventListener("open", () => {
    state.opened = true;
  });
  socket.addEventListener("close", (event) => closed(socket, event));
}

/** Every message from the server, parsed: TODO 7 may skip it (seen already), TODO 6 shows it. */
function receive(message) {
  if (message.type === "welcome") {
    // Connected: whatever TODO the server named before is done now.
    state.todo = null;
    reportedTodos.clear();
  }
  if (track(message)) {
    show(message);
  }
}

/** The socket closed: say why, then leave it there (the page closed it) or reconnect (TODO 7). */
async function closed(socket, event) {
  if (socket !== state.socket) {
    return;
  }
  state.socket = null;
  updateComposer();
  if (event.reason.startsWith("TODO ")) {
    // The server ran into one of its unfinished TODOs after the upgrade, and closed with it (1011).
    reportTodo(event.reason);
  } else if (state.opened && !state.leaving) {
    showSystem(`Disconnected: ${describeClose(event)}.`, event.code === 1008 || event.code === 1009 ? "error" : "left");
  }
  if (!state.opened && !state.leaving) {
    // The handshake failed. A browser tells a page nothing about why (not even the status), so ask the server.
    await explainRefusal();
  }
  if (state.leaving) {
    if (state.opened) {
      showSystem("You left the chat.", "left");
    }
    setStatus("offline", "offline: you left the chat");
    return;
  }
  setStatus("offline", `offline: ${state.todo ?? describeClose(event)}`);
  reconnect(event);
}

/** A plain GET /chat: the starter's server answers 500 with the TODO in its problem details; a finished one, 400. */
async function explainRefusal() {
  try {
    const response = await fetch("/chat", { headers: { Accept: "application/problem+json, application/json" } });
    if (!(response.headers.get("Content-Type") ?? "").includes("json")) {
      return;
    }
    const problem = await response.json();
    if (typeof problem.detail === "string" && problem.detail.startsWith("TODO ")) {
      reportTodo(problem.detail);
    }
  } catch {
    // No answer at all: the server is down. Nothing to explain; TODO 7 tries again later.
  }
}

const reportedTodos = new Set();

/** An unfinished TODO of the server: once in the console (where the tests read it) and once on the page. */
function reportTodo(text) {
  if (reportedTodos.has(text)) {
    return;
  }
  reportedTodos.add(text);
  state.todo = text;
  console.error(text);
  showSystem(`The server says: ${text}`, "error");
}

// ---------------------------------------------------------------------------------------------------------------
// TODO 6: connect and show.

/** Opens the WebSocket to /chat and hands every message that comes in to receive(). Returns the socket. */
function openSocket() {
  // TODO 6: Open the WebSocket to /chat, and pass every message that comes in, parsed, to receive(message).
  //   Same host as the page; ws: for a page served over http:, wss: for https:. The query: nickname=<the nickname
  //   field, trimmed> (leave it out when empty: the server picks one), and once a welcome gave a serverId (TODO 7
  //   keeps it in state.serverId), after=<state.lastId>&serverId=<state.serverId> to get what this page missed.
  //   Return the socket: connect() above watches its open and close.
  throw new Error("TODO 6: Open the WebSocket to /chat, and pass every message that comes in, parsed, to receive(message).");
}

/** Shows one message from the server, by its type. */
function show(message) {
  // TODO 6: Show each type of message with the helpers below.
  //   welcome: setMe(you, serverId), its text as a "welcome" system line, the online count (online.length), and
  //   setStatus("connected", "connected"). message: showMessage(message). joined, left, renamed: a system line of
  //   that class (a rename of yourself also goes to setMe). presence: the count. error: an "error" system line.
  throw new Error("TODO 6: Show each type of message with the helpers below.");
}

/** Sends a chat message. */
function sendMessage(text) {
  // TODO 6: Send {"type":"message","text":text} on the socket, as JSON text.
  throw new Error("TODO 6: Send {\"type\":\"message\",\"text\":text} on the socket, as JSON text.");
}

/** Asks the server for a new nickname; its "renamed" answer (TODO 6's show) makes it yours. */
function sendRename(nickname) {
  // TODO 6: Send {"type":"rename","nickname":nickname} on the socket, as JSON text.
  throw new Error("TODO 6: Send {\"type\":\"rename\",\"nickname\":nickname} on the socket, as JSON text.");
}

// ---------------------------------------------------------------------------------------------------------------
// TODO 7: reconnect.

/**
 * How long to wait before reconnection attempt number <attempt> (0 for the first): up to firstDelayMs, up to twice
 * that for the next one, and so on, never more than maxDelayMs; somewhere in the upper half of that, as <random> (a
 * function like Math.random) says, so that a hundred pages that lost the same server do not all come back at once.
 * Exported, so that the tests can ask it: nextDelay(3, () => 0.5).
 */
export function nextDelay(attempt, random = Math.random) {
  // TODO 7: Return the wait before attempt number <attempt>: exponential backoff, capped, with jitter.
  throw new Error("TODO 7: Return the wait before attempt number <attempt>: exponential backoff, capped, with jitter.");
}

/** The connection closed and the page did not ask for it: try again later, and again, until a welcome. */
function reconnect(event) {
  // TODO 7: Schedule connect() after nextDelay(state.attempt), count the attempt, and show the wait.
  //   showRetry(delay, event) shows "reconnecting in N s…"; keep the timer in state.retryTimer (Leave clears it).
  throw new Error("TODO 7: Schedule connect() after nextDelay(state.attempt), count the attempt, and show the wait.");
}

/**
 * Keeps the page's place in the chat, for the next connection's after= and serverId=, and tells whether to show a
 * message: false for one this page shows already.
 */
function track(message) {
  // TODO 7: Remember the welcome's serverId and the id of each chat message; skip the ones already shown.
  //   A welcome is a successful connection: start the backoff again (state.attempt = 0). A welcome with another
  //   serverId than before comes from a restarted server, whose ids start again at 1: forget state.lastId.
  //   A chat message whose id is not above state.lastId was shown already (on this same server): return false.
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Drawing: everything goes in as text (textContent), so nothing a person types can ever become HTML on the page.

/** A chat message: the author's initial, nickname and time, then the text. Your own are drawn on the right. */
function showMessage(message) {
  const item = document.createElement("li");
  item.className = "message";
  item.dataset.id = String(message.id);
  if (message.from.id === state.me?.id || state.formerIds.has(message.from.id)) {
    item.classList.add("own");
  }
  item.style.setProperty("--hue", String(hue(message.from.nickname)));

  const avatar = document.createElement("span");
  avatar.className = "avatar";
  avatar.ariaHidden = "true";
  avatar.textContent = Array.from(message.from.nickname)[0]?.toUpperCase() ?? "?";

  const bubble = document.createElement("div");
  bubble.className = "bubble";
  const meta = document.createElement("p");
  meta.className = "meta";
  const author = document.createElement("strong");
  author.textContent = message.from.nickname;
  const time = document.createElement("time");
  time.dateTime = message.sentAt;
  time.textContent = formatTime(message.sentAt);
  meta.append(author, " ", time);
  const text = document.createElement("p");
  text.className = "text";
  text.textContent = message.text;
  bubble.append(meta, text);

  item.append(avatar, bubble);
  append(item);
}

/** A line from the server or the page: welcome, joined, left, renamed, error. */
function showSystem(text, kind) {
  const item = document.createElement("li");
  item.className = `system ${kind}`;
  item.textContent = text;
  append(item);
}

function append(item) {
  // Follow the conversation only when the reader is at the bottom; someone scrolling back keeps their place.
  const atBottom = messageList.scrollHeight - messageList.scrollTop - messageList.clientHeight < 80;
  messageList.append(item);
  if (atBottom) {
    messageList.scrollTop = messageList.scrollHeight;
  }
}

function showOnline(count) {
  onlineCount.textContent = String(count);
}

/**
 * Who the server says this page is: the welcome's "you", then a rename of yourself. The nickname goes in the field
 * and in localStorage, for the next visit. Your former ids (before a reconnection) still mark your messages as yours.
 */
function setMe(user, serverId = state.meServerId) {
  if (serverId !== state.meServerId) {
    state.formerIds.clear();
  } else if (state.me !== null && state.me.id !== user.id) {
    state.formerIds.add(state.me.id);
  }
  state.me = user;
  state.meServerId = serverId;
  if (document.activeElement !== nicknameField) {
    nicknameField.value = user.nickname;
  }
  localStorage.setItem(nicknameKey, user.nickname);
}

/** The connection's state (connecting, connected, reconnecting, offline) and its words. */
function setStatus(connection, text) {
  clearInterval(state.countdown);
  paintStatus(connection, text);
}

function paintStatus(connection, text) {
  statusLine.dataset.state = connection;
  statusLine.textContent = text;
  statusLine.title = text;
  leaveButton.textContent = connection === "offline" ? "Join" : "Leave";
  updateComposer();
}

/** "reconnecting in N s…", counting down until the next attempt. */
function showRetry(delayMs, event) {
  setStatus("reconnecting", "");
  const until = Date.now() + delayMs;
  const why = event?.code === 1008 || event?.code === 1009 ? ` (${describeClose(event)})` : "";
  const tick = () => {
    const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    paintStatus("reconnecting", `reconnecting in ${seconds} s…${why}`);
  };
  tick();
  state.countdown = setInterval(tick, 250);
}

function describeClose(event) {
  const names = {
    1000: "closed normally",
    1001: "the server is going away",
    1003: "unsupported data",
    1006: "the connection dropped",
    1008: "policy violation",
    1009: "message too big",
    1011: "server error",
  };
  const name = names[event.code] ?? "closed";
  return event.reason ? `${event.code} ${name}: ${event.reason}` : `${event.code} ${name}`;
}

/** The Send button works only on an open connection; typing is always possible. */
function updateComposer() {
  sendButton.disabled = state.socket === null || statusLine.dataset.state !== "connected";
}

function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** A colour for each nickname, the same on every page. */
function hue(nickname) {
  let hash = 0;
  for (const char of nickname) {
    hash = (hash * 31 + char.codePointAt(0)) % 360;
  }
  return hash;
}

function positiveNumber(text, fallback) {
  const value = Number(text);
  return text !== null && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The nickname of the last visit, if it still keeps the server's rules (1 to 24 characters, no control characters). */
function storedNickname() {
  const nickname = (localStorage.getItem(nicknameKey) ?? "").trim();
  return nickname.length <= 24 && !/\p{Cc}/u.test(nickname) ? nickname : "";
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring.

document.querySelector("#composer").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = textField.value.trim();
  if (text === "" || state.socket?.readyState !== WebSocket.OPEN) {
    return;
  }
  sendMessage(text);
  textField.value = "";
  textField.focus();
});

// Enter in the nickname field, or leaving it, renames ("change" fires for both); the form only stops the reload.
document.querySelector("#profile").addEventListener("submit", (event) => {
  event.preventDefault();
  nicknameField.blur();
});
nicknameField.addEventListener("change", () => {
  const nickname = nicknameField.value.trim();
  if (state.socket?.readyState !== WebSocket.OPEN || state.me === null) {
    return; // not connected: the next connection asks for this nickname
  }
  if (nickname === "" || nickname === state.me.nickname) {
    nicknameField.value = state.me.nickname;
    return;
  }
  sendRename(nickname);
});

leaveButton.addEventListener("click", () => {
  if (statusLine.dataset.state === "offline") {
    connect();
    return;
  }
  state.leaving = true;
  clearTimeout(state.retryTimer);
  if (state.socket === null) {
    setStatus("offline", "offline: you left the chat");
  } else {
    state.socket.close(1000, "left the chat");
  }
});

// A page that goes away says goodbye: the others see "left" at once.
addEventListener("pagehide", () => {
  state.leaving = true;
  state.socket?.close(1000, "page closed");
});
// A page that comes back from the browser's back-forward cache joins again.
addEventListener("pageshow", (event) => {
  if (event.persisted) {
    connect();
  }
});

nicknameField.value = storedNickname();
connect();
