// What `pinecone-imports list --status Failed --output json` does, with the official TypeScript SDK: every page,
// keep the Failed imports, print them as JSON. For the end-to-end comparison in src/bench/run.sh.
import { Pinecone } from '@pinecone-database/pinecone';

const index = new Pinecone({ apiKey: process.env.PINECONE_API_KEY }).index({ host: process.env.PINECONE_INDEX_HOST });
const failed = [];
let token;
do {
  const page = await index.listImports(100, token);
  for (const model of page.data ?? []) if (model.status === 'Failed') failed.push(model);
  token = page.pagination?.next;
} while (token);
console.log(JSON.stringify({ data: failed }));
