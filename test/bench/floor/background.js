// The bench's floor: keeps each tab's path in storage.session and answers a
// list from storage.local or one fetch. No checks beyond what it needs to run.
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message.path) {
    chrome.storage.session.set({ [`tab:${sender.tab.id}`]: message.path });
    return false;
  }
  list(message.tab).then(reply);
  return true;
});

async function list(tab) {
  const path = (await chrome.storage.session.get(`tab:${tab}`))[`tab:${tab}`] ?? '';
  const handle = /^\/([\w.]{1,30})\//.exec(path)?.[1].toLowerCase();
  if (!handle) return [];
  const key = `c:${handle}`;
  const stored = await chrome.storage.local.get(['apiKey', key]);
  if (stored[key]) return stored[key];
  const response = await fetch(`https://api.sociavault.com/v1/scrape/instagram/highlights?handle=${handle}`, {
    headers: { 'X-API-Key': stored.apiKey },
  });
  const highlights = Object.values((await response.json()).data.highlights).map((h) => ({
    id: h.id,
    title: h.title ?? '',
    coverUrl: h.cover_media_cropped_thumbnail?.url ?? null,
  }));
  await chrome.storage.local.set({ [key]: highlights });
  return highlights;
}
