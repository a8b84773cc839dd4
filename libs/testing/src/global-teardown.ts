/** Stops whatever servers the global setup started (none when they were reused). */
export default async function globalTeardown(): Promise<void> {
  const services = globalThis.__rosterTestServices ?? [];
  globalThis.__rosterTestServices = [];
  for (const service of services) await service.stop();
}
