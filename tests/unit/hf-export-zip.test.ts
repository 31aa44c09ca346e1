// The app's download and drop: a checkpoint zipped as a Hugging Face folder, and a dropped zip or
// loose files read back into the map the import checks; oversize zips and mixed drops refused.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importHfGpt2 } from '../../src/lib/model/hf-gpt2-import';
import { HfFilesError, hfExportZip, hfFolderName, readHfImportFiles } from '../../src/lib/store/hf-export-zip';
import { firstBitDifference, folderBytes, randomCheckpoint } from './hf-fixtures';

const ck = { ...randomCheckpoint(31), meta: { ...randomCheckpoint(31).meta, name: 'My SFT model (v2)!' } };
const MAX = 50_000_000;

describe('hfExportZip', () => {
  it('zips the folder under the model\'s name, and the zip imports back bit for bit', () => {
    const zip = hfExportZip(ck);
    expect(hfFolderName(ck)).toBe('my-sft-model-v2');
    const files = readHfImportFiles([{ name: 'download.zip', bytes: zip }], MAX);
    expect([...files.keys()].sort()).toEqual(['README.md', 'config.json', 'generation_config.json', 'heads.safetensors', 'merges.txt', 'model.safetensors', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json', 'vocab.json']);
    const back = importHfGpt2(files, { maxBytes: MAX }).checkpoint;
    for (const [name, values] of ck.tensors) expect(firstBitDifference(back.tensors.get(name), values), name).toBe(-1);
    expect(back.meta.name).toBe('My SFT model (v2)!');
  });
});

describe('readHfImportFiles', () => {
  const loose = [...folderBytes(ck)].map(([name, bytes]) => ({ name: `some/folder/${name}`, bytes }));

  it('takes loose files by base name, skipping hidden and macOS metadata files', () => {
    const files = readHfImportFiles([...loose, { name: '.DS_Store', bytes: new Uint8Array(3) }], MAX);
    expect(files.has('config.json')).toBe(true);
    expect(files.has('.DS_Store')).toBe(false);
    expect(importHfGpt2(files, { maxBytes: MAX }).remapped).toBe(false);
  });

  it('skips __MACOSX entries inside a zip', () => {
    const zip = zipSync({ 'm/config.json': new Uint8Array([123, 125]), '__MACOSX/m/._config.json': new Uint8Array(4) });
    expect([...readHfImportFiles([{ name: 'm.zip', bytes: zip }], MAX).keys()]).toEqual(['config.json']);
  });

  it('refuses a zip that declares more than the limit, before inflating it', () => {
    const zip = zipSync({ 'big/model.safetensors': new Uint8Array(2_000_000) }, { level: 9 });
    expect(zip.length).toBeLessThan(10_000);
    expect(() => readHfImportFiles([{ name: 'big.zip', bytes: zip }], 1_000_000)).toThrow(/unpacks to more than the 1 MB allowed/);
  });

  it('refuses two files of one name, two zips, a zip beside files, and a broken zip', () => {
    const a = { name: 'a/config.json', bytes: new Uint8Array(2) };
    const b = { name: 'b/config.json', bytes: new Uint8Array(2) };
    expect(() => readHfImportFiles([a, b], MAX)).toThrow(/Two files are named config\.json/);
    const zip = { name: 'x.zip', bytes: hfExportZip(ck) };
    expect(() => readHfImportFiles([zip, zip], MAX)).toThrow(HfFilesError);
    expect(() => readHfImportFiles([zip, a], MAX)).toThrow(/one zip, or the files of one model/);
    expect(() => readHfImportFiles([{ name: 'x.zip', bytes: zip.bytes.slice(0, 200) }], MAX)).toThrow(/not a readable zip/);
  });
});
