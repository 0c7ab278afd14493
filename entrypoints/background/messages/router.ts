import type { Handlers, Message, MessagesFrom, MessageType, OptionsMessage, TabMessage } from '@/utils/protocol';
import { contentSchemas, optionsSchemas, pageSchemas, type Schemas } from './message-schemas';
import { isOwnContentScript, isOwnExtensionPage, isOwnOptionsPage, type SenderInfo } from './sender-policy';

/** Our content script, and the tab it runs in. */
export interface ContentSender {
  tabId: number;
}

/** The handlers of every message the background accepts, by who may send it. */
export interface BackgroundHandlers {
  content: Handlers<Exclude<MessagesFrom<'content'>, TabMessage>, ContentSender>;
  /** Options-only messages reach these only from the options page. */
  pages: Handlers<OptionsMessage, SenderInfo>;
}

export interface RouterDeps {
  ownId: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  ownOrigin: string;
  handlers: BackgroundHandlers;
}

/**
 * The background's one message entry point. It checks who sent a message,
 * then its shape against the schemas that sender may use, and only then hands
 * it to its handler. Anything else is dropped without an answer, so that a
 * prober learns nothing. Both checks are synchronous for that reason: for a
 * dropped message the listener returns undefined, not a promise, and so sends
 * no answer at all.
 */
export function createRouter({ ownId, ownOrigin, handlers }: RouterDeps) {
  return function route(message: unknown, sender: SenderInfo): Promise<unknown> | undefined {
    if (isOwnContentScript(sender, ownId)) {
      return dispatch(contentSchemas, handlers.content, message, { tabId: sender.tab!.id! });
    }
    if (isOwnOptionsPage(sender, ownId, ownOrigin)) return dispatch(optionsSchemas, handlers.pages, message, sender);
    if (isOwnExtensionPage(sender, ownId, ownOrigin)) return dispatch(pageSchemas, handlers.pages, message, sender);
    return undefined;
  };
}

function dispatch<Types extends MessageType, Sender>(
  schemas: Schemas<Types>,
  handlers: Handlers<Types, Sender>,
  message: unknown,
  sender: Sender,
): Promise<unknown> | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !isOneOf(schemas, type)) return undefined;
  const parsed = schemas[type].safeParse(message);
  return parsed.success ? answer(handlers, type, parsed.data, sender) : undefined;
}

function answer<Types extends MessageType, T extends Types, Sender>(
  handlers: Handlers<Types, Sender>,
  type: T,
  message: Message<T>,
  sender: Sender,
) {
  return handlers[type](message, sender);
}

/** An own key of the table: `in` would also find "constructor", "__proto__" and the like. */
function isOneOf<Types extends MessageType>(table: Schemas<Types>, type: string): type is Types {
  return Object.hasOwn(table, type);
}
