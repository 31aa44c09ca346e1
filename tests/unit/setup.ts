// Every unit test runs on the wasm backend in Node, ready before any test module builds a model.
import { useNodeBackend } from '../../src/lib/engine/node-backend';

await useNodeBackend('wasm');
