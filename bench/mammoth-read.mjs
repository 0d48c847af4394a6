// Reads every .docx in a folder with mammoth.js extractRawText (the baseline).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';

const dir = process.argv[2];
let chars = 0;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.docx')).sort()) {
  const { value } = await mammoth.extractRawText({ path: join(dir, name) });
  chars += value.length;
}
console.log(chars);
