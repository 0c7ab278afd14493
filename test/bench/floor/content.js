// The bench's floor: reports the page's path on load and on every navigation, changed profile or not.
const report = () => chrome.runtime.sendMessage({ path: new URL(navigation.currentEntry.url).pathname }).catch(() => {});
report();
navigation.addEventListener('currententrychange', report);
