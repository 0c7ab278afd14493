// The bench's floor: asks the worker for the list and renders every row at once with plain DOM calls.
const main = document.querySelector('main');
const named = new URLSearchParams(location.search).get('tab');
const tab = named ? Number(named) : (await chrome.tabs.query({ active: true, currentWindow: true }))[0].id;
const highlights = await chrome.runtime.sendMessage({ tab });
const copy = (text) => navigator.clipboard.writeText(text);
const button = (label, onclick) => Object.assign(document.createElement('button'), { textContent: label, onclick });

const list = document.createElement('ul');
for (const { id, title, coverUrl } of highlights) {
  const row = document.createElement('li');
  row.dataset.testid = 'highlight-row';
  row.dataset.id = id;
  const cover = Object.assign(document.createElement('img'), { alt: '', loading: 'lazy', referrerPolicy: 'no-referrer' });
  if (coverUrl) cover.src = coverUrl;
  const code = document.createElement('code');
  code.textContent = id;
  row.append(cover, Object.assign(document.createElement('span'), { textContent: title }), code, button('Copy', () => copy(id)));
  list.append(row);
}
main.append(button('Copy all IDs', () => copy(highlights.map((h) => h.id).join('\n'))), list);
main.dataset.state = highlights.length ? 'list' : 'empty';
