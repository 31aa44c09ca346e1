// "Export for Hugging Face": a checkpoint's bytes as a zip of GPT-2 files (config, safetensors,
// tokenizer), downloaded as <name>-hf.zip. No tfjs: decoding and zipping run on the main thread;
// the format's code (and fflate) load on first use, not with the page.
import { decodeCheckpoint } from '../../lib/model/checkpoint-format';
import { BUNDLED_MODELS, type BundledModelId } from '../../lib/util/bundled-models';
import { download } from '../data/download';

/** A bundled model's checkpoint file, from where the worker loads it too. */
export async function bundledCheckpointBytes(id: BundledModelId): Promise<Uint8Array> {
  const res = await fetch(`${import.meta.env.BASE_URL}${BUNDLED_MODELS[id].file}`);
  if (!res.ok) throw new Error(`could not load the ${BUNDLED_MODELS[id].name.toLowerCase()} (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Downloads the checkpoint as a Hugging Face zip and returns the line to show. A checkpoint the
 * format cannot express (the character tokenizer) throws with the reason before anything downloads.
 */
export async function downloadHfZip(checkpointBytes: Uint8Array): Promise<string> {
  const { hfExportZip, hfFolderName } = await import('../../lib/store/hf-export-zip');
  const ck = decodeCheckpoint(checkpointBytes);
  const zip = hfExportZip(ck);
  const fileName = `${hfFolderName(ck)}-hf.zip`;
  download(zip, fileName, 'application/zip');
  const mb = (zip.byteLength / 1e6).toLocaleString('en', { maximumFractionDigits: 1 });
  return `Downloaded ${fileName} (${mb} MB): unzip it and load the folder in Python with transformers' GPT2LMHeadModel.from_pretrained`;
}
