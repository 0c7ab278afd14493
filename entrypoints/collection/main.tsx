import { render } from 'preact';
import { browser } from 'wxt/browser';
import { DEFAULT_COLLECTION_ID } from '@/utils/collections/run-record';
import { createTranslator, type GetMessage } from '@/utils/i18n';
import { createSender, type PageMessage } from '@/utils/protocol';
import { COLLECTION_NEWS, type CollectionNews } from '@/utils/collections/run-storage';
import { App } from './App';
import { saveFile } from '@/components/save-file';
import './collection.css';

// WXT types getMessage with the English catalog's names; plural forms are named at run time.
const i18n = browser.i18n as { getMessage: GetMessage };
const t = createTranslator((name, substitutions) => i18n.getMessage(name, substitutions));
document.documentElement.lang = t.lang;
document.documentElement.dir = t.dir;
document.title = t('collectionPageTitle');

/** `collection.html?id=<id>` opens that collection (the default one otherwise); the page keeps the address in step. */
const params = new URLSearchParams(location.search);
const initialId = params.get('id') ?? DEFAULT_COLLECTION_ID;

/**
 * Tells the page what the background says changed (a run went on, the popup
 * added a profile): each piece of news carries only what changed. Not
 * storage.onChanged, which would hand the page every answer the run puts in
 * the cache as well.
 */
function watchNews(onNews: (news: CollectionNews) => void): () => void {
  const channel = new BroadcastChannel(COLLECTION_NEWS);
  channel.onmessage = (event: MessageEvent<CollectionNews>) => onNews(event.data);
  return () => channel.close();
}

/** The optional permission "Tell me when a run ends" needs (the manifest's optional_permissions). */
const NOTIFICATIONS = { permissions: ['notifications' as const] };

const root = document.getElementById('app');
if (root) {
  render(
    <App
      t={t}
      send={createSender<PageMessage>((message) => browser.runtime.sendMessage(message))}
      initialId={initialId}
      onSelected={(id) => {
        const url = new URL(location.href);
        if (id === DEFAULT_COLLECTION_ID) url.searchParams.delete('id');
        else url.searchParams.set('id', id);
        history.replaceState(null, '', url);
      }}
      watchNews={watchNews}
      askNotifications={() => browser.permissions.request(NOTIFICATIONS)}
      dropNotifications={() => browser.permissions.remove(NOTIFICATIONS).then(() => undefined)}
      openOptions={() => void browser.runtime.openOptionsPage().catch(() => undefined)}
      saveFile={saveFile}
      writeClipboard={(text) => navigator.clipboard.writeText(text)}
    />,
    root,
  );
}
