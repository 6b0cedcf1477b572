// The page's side of step 04: one WebSocket to /ws, a form that sends, a list that shows what comes back, and a log of
// the frames each message travels in. The browser does the handshake and the framing itself; this code only uses
// the WebSocket API (https://developer.mozilla.org/docs/Web/API/WebSocket).

const encoder = new TextEncoder();
const status = document.querySelector("#status");
const messages = document.querySelector("#messages");
const frames = document.querySelector("#frames");
const form = document.querySelector("#send");
const input = document.querySelector("#message");

// ws:// for a page served over http://, wss:// for https://; same host and port as the page.
const address = new URL("/ws", location.href);
address.protocol = location.protocol === "https:" ? "wss:" : "ws:";
document.querySelector("#address").textContent = address.href;

const socket = new WebSocket(address);
let opened = false;

socket.addEventListener("open", () => {
  opened = true;
  setStatus("open", "open");
});

socket.addEventListener("message", (event) => {
  const text = typeof event.data === "string" ? event.data : "(binary message)";
  addItem(messages, text, "received");
  logFrame("←", 0x1, encoder.encode(text).length, false);
});

socket.addEventListener("close", async (event) => {
  const reason = event.reason ? `: ${event.reason}` : "";
  if (!opened) {
    // The browser tells a page nothing about a refused handshake (not even its status), so ask the server why.
    setStatus("failed", `the handshake failed (${await whyRefused()})`);
    return;
  }
  setStatus("closed", `closed with ${event.code}${reason}`);
  logFrame("←", 0x8, event.reason ? 2 + encoder.encode(event.reason).length : 2, false);
  if (event.code !== 1000) {
    // An error for the console as well: a code other than 1000 means something went wrong (or a TODO is missing).
    console.error(`The WebSocket closed with ${event.code}${reason}`);
  }
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value;
  if (socket.readyState !== WebSocket.OPEN || text.length === 0) {
    return;
  }
  socket.send(text);
  addItem(messages, text, "sent");
  logFrame("→", 0x1, encoder.encode(text).length, true);
  input.value = "";
});

document.querySelector("#close").addEventListener("click", () => {
  logFrame("→", 0x8, 2 + encoder.encode("bye").length, true);
  socket.close(1000, "bye");
});

// A plain GET of the same address, without the upgrade headers: the server answers it with the reason in words.
async function whyRefused() {
  try {
    const response = await fetch(new URL("/ws", location.href));
    const text = (await response.text()).trim();
    if (response.status >= 500) {
      console.error(`The handshake failed: ${response.status} ${text}`);
    }
    return `${response.status} ${text}`;
  } catch (error) {
    return `the server did not answer: ${error}`;
  }
}

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function addItem(list, text, className) {
  const item = document.createElement("li");
  item.className = className;
  item.textContent = text;
  list.append(item);
}

// One line per frame: direction, the header's bytes in hex, and what they say.
function logFrame(direction, opcode, length, masked) {
  const header = [0x80 | opcode];
  const maskBit = masked ? 0x80 : 0;
  if (length <= 125) {
    header.push(maskBit | length);
  } else if (length <= 0xffff) {
    header.push(maskBit | 126, length >> 8, length & 0xff);
  } else {
    header.push(maskBit | 127, 0, 0, 0, 0, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
  }
  const hex = header.map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
  const names = { 0x1: "text", 0x2: "binary", 0x8: "close", 0x9: "ping", 0xa: "pong" };
  const mask = masked ? ", masked (+4 key bytes)" : ", unmasked";
  const item = document.createElement("li");
  item.innerHTML = `${direction} <span class="bytes"></span> <span class="what"></span>`;
  item.querySelector(".bytes").textContent = hex;
  item.querySelector(".what").textContent = `FIN, ${names[opcode]}, ${length} bytes${mask}`;
  frames.append(item);
}
