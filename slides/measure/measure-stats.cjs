// Measures what a message board of step 02 or 03 costs: two browser pages watch the board for one minute while
// a message is posted every 10 seconds, then the server's /api/stats is read. The slides' figures come from this.
//
// How to run it (Node.js 18 or later, and a Chromium-family browser):
//   1. Install playwright-core in a folder of its own, outside the repository:
//        npm install --prefix /tmp/measure playwright-core
//   2. Start the reference app of the step in another terminal, freshly (the stats count from the start):
//        dotnet run -c Release --project solutions/02-polling
//   3. From the repository root, give the page's address:
//        NODE_PATH=/tmp/measure/node_modules node slides/measure/measure-stats.cjs "http://127.0.0.1:5002/?pollIntervalMs=1000"
//
// Settings, all optional, as environment variables:
//   CHROME_PATH  the browser to start (default /usr/bin/chromium)
//   SECONDS      how long the pages watch the board (default 60)
//   PAGES        how many pages watch it at once (default 2)
//   EVERY        seconds between two posted messages (default 10; the first goes out after half of that)
// As root (in a container), the browser needs --no-sandbox, which this script always passes.
const { chromium } = require('playwright-core');

const pageUrl = new URL(process.argv[2] ?? 'http://127.0.0.1:5002/');
const seconds = Number(process.env.SECONDS ?? 60);
const pageCount = Number(process.env.PAGES ?? 2);
const every = Number(process.env.EVERY ?? 10);
const api = path => new URL(path, pageUrl.origin).toString();
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function stats() {
  const response = await fetch(api('/api/stats'));
  return response.json();
}

async function post(n) {
  const response = await fetch(api('/api/messages'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: 'measure', text: `message ${n}` }),
  });
  if (response.status !== 201) throw new Error(`POST /api/messages answered ${response.status}`);
  return (await response.json()).id;
}

// How long after the POST answered did each page show the message? (li[data-id] is how both pages show one.)
async function arrivals(pages, id, postedAt) {
  return Promise.all(pages.map(page =>
    page.waitForSelector(`#messages li[data-id="${id}"]`, { timeout: every * 1000 })
      .then(() => Date.now() - postedAt, () => null)));
}

async function main() {
  const before = await stats();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const pages = [];
  for (let i = 0; i < pageCount; i++) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(pageUrl.toString());
    pages.push(page);
  }

  const start = Date.now();
  const delays = [];
  let posted = 0;
  for (let at = every / 2; at < seconds; at += every) {
    await sleep(start + at * 1000 - Date.now());
    const id = await post(++posted);
    const postedAt = Date.now();
    arrivals(pages, id, postedAt).then(ms => delays.push(...ms));
  }
  await sleep(start + seconds * 1000 - Date.now());
  const after = await stats();
  await browser.close();

  const shown = delays.filter(ms => ms !== null).sort((a, b) => a - b);
  console.log(`${pageUrl}: ${pageCount} pages for ${seconds} s, ${posted} messages posted, one every ${every} s`);
  console.log('stats before:', JSON.stringify(before));
  console.log('stats after: ', JSON.stringify(after));
  console.log(`messages shown: ${shown.length} of ${delays.length}; from POST to page: ` +
    (shown.length ? `median ${shown[Math.floor(shown.length / 2)]} ms, max ${shown[shown.length - 1]} ms` : 'none'));
}

main().catch(error => { console.error(error); process.exit(1); });
