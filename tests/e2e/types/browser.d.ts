// The wasm package: wasm-bindgen's output (`--no-typescript`), built into
// dist/pkg and copied beside extension/shared/ and www/shared/.
declare module "*/pkg/newslens.js" {
  export default function init(options?: { module_or_path?: URL | string }): Promise<unknown>;
  export class Newslens {
    constructor();
    addModel(lang: string, bytes: Uint8Array): void;
    setLexicon(text: string, lengths: Uint32Array): number;
    [method: string]: any;
  }
  export function checkCorrections(text: string, lengths: Uint32Array): number;
}
