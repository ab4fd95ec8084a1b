// What `pinecone-imports list --status Failed --output ids` does, with the official TypeScript SDK: every page,
// print the id of each Failed import, one per line. For the end-to-end comparison in src/bench/run.sh.
import { Pinecone } from '@pinecone-database/pinecone';

const index = new Pinecone({ apiKey: process.env.PINECONE_API_KEY }).index({ host: process.env.PINECONE_INDEX_HOST });
const ids = [];
let token;
do {
  const page = await index.listImports(100, token);
  for (const model of page.data ?? []) if (model.status === 'Failed') ids.push(model.id);
  token = page.pagination?.next;
} while (token);
process.stdout.write(ids.length ? ids.join('\n') + '\n' : '');
