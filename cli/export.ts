// npm run export -- --checkpoint <file|starter> --out <dir>
// Writes a checkpoint as a Hugging Face GPT-2 folder (config.json, model.safetensors, tokenizer
// files, heads.safetensors, README.md) that transformers' from_pretrained reads. See cli/export-run.ts.
import { parseFlags } from './args';
import { EXPORT_FLAGS, exportToFolder } from './export-run';
import { runCli } from './run-cli';

runCli(async () => {
  exportToFolder(parseFlags(process.argv.slice(2), EXPORT_FLAGS));
});
