// Full scan with the official TypeScript SDK, keeping the Failed imports: warm-up, then the median of N rounds.
// Usage: node scan.mjs HOST:PORT API_KEY WARMUP ROUNDS  -> "ts-sdk<TAB>median ms<TAB>failed count"
import { Pinecone } from '@pinecone-database/pinecone';

const [host, apiKey, warmup, rounds] = process.argv.slice(2);
const index = new Pinecone({ apiKey }).index({ host: `http://${host}` });

async function scan() {
  let failed = 0;
  let token;
  do {
    const page = await index.listImports(100, token);
    for (const model of page.data ?? []) if (model.status === 'Failed') failed++;
    token = page.pagination?.next;
  } while (token);
  return failed;
}

const times = [];
let count = 0;
for (let round = 0; round < Number(warmup) + Number(rounds); round++) {
  const t0 = process.hrtime.bigint();
  count = await scan();
  if (round >= Number(warmup)) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const mid = Math.floor(times.length / 2);
const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
console.log(`ts-sdk\t${median.toFixed(1)}\t${count}`);
