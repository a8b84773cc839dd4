/**
 * Node's flags for every app process (`npm start`, the benches, the Docker image),
 * sized for the 250 MB RSS budget of each app (docs/benchmarks.md, "Memory").
 * The Dockerfile's ENTRYPOINT spells the same list out; app-node-flags.spec.ts
 * keeps the two equal. They are flags where the process is spawned, not
 * NODE_OPTIONS or v8.setFlagsFromString, because V8 sizes its heap at startup.
 */
export const APP_NODE_FLAGS: readonly string[] = [
  // Stack traces point into the TypeScript sources (about 5 MB of heap for the maps).
  '--enable-source-maps',
  // Below 2 GB, V8 lets old space grow to ~1.4× the live heap before a full GC;
  // at this machine's default (4 GB) it waits for ~4×: ingest kept 170-200 MB of
  // old space around a 50 MB live heap under scim-create. 512 rather than 256
  // leaves room to finish a job whose live heap is large (a 20,000-user Google
  // sync peaks near 70 MB since it reads users a page at a time; it held ~190 MB
  // before) instead of dying out of memory.
  '--max-old-space-size=512',
  // The young generation is two semi-spaces of up to 16 MB each by default; 8 MB
  // saves 16 MB of RSS for a few percent more scavenges.
  '--max-semi-space-size=8',
  // Prisma's query compiler is a 3.4 MB wasm module. Optimizing its hot functions
  // with TurboFan costs 40-80 MB of compiler memory that malloc never gives back;
  // Liftoff's baseline code is enough because Prisma caches each query's plan.
  '--liftoff-only',
];
