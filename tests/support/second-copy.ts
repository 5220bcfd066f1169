/**
 * A second, separate copy of a module, as another route bundle of a production build holds it (lib/brand.ts):
 * the query string makes vite load and evaluate the file once more. `path` is a module path as `import` takes it.
 */
export async function secondCopyOf<Module>(path: string): Promise<Module> {
  return (await import(/* @vite-ignore */ `${path}?bundle=other`)) as Module;
}
