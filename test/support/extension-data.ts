/**
 * Clears what the extension keeps besides storage: its alarms and its
 * IndexedDB databases. Run inside an extension page by either harness
 * (`page.evaluate(clearAlarmsAndDatabases)` in Playwright and in
 * puppeteer-core), so it must be self-contained: it is sent to the browser as
 * source text and can use nothing from this module's scope.
 */
export async function clearAlarmsAndDatabases(): Promise<void> {
  type Api = { alarms: { clearAll(): Promise<boolean> } };
  const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
  await (scope.browser ?? scope.chrome)!.alarms.clearAll();
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve, reject) => {
          // With the worker or background page stopped nothing holds a database
          // open; were one held, the deletion would wait for it to close
          // (onblocked), then succeed.
          const request = indexedDB.deleteDatabase(name!);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name} could not be deleted`));
        }),
    ),
  );
}
