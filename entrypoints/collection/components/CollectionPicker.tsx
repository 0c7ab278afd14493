import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_COLLECTION_ID } from '@/utils/collections/run-record';
import type { Translate } from '@/utils/i18n';
import type { CollectionSummary } from '@/utils/protocol';

/** Longest name a collection may have (the background refuses longer ones). */
export const COLLECTION_NAME_MAX = 60;

export type PickerPanel = 'create' | 'rename' | 'delete' | null;

interface Props {
  collections: CollectionSummary[];
  selected: string;
  /** The shown collection's name, in the page's language for the default one. */
  name: string;
  panel: PickerPanel;
  busy: boolean;
  onSelect: (id: string) => void;
  onPanel: (panel: PickerPanel) => void;
  onCreate: (name: string) => void;
  onRename: (name: string) => void;
  onDelete: () => void;
  t: Translate;
}

/** Which collection the page shows, and making, renaming and deleting collections. */
export function CollectionPicker({ collections, selected, name, panel, busy, onSelect, onPanel, onCreate, onRename, onDelete, t }: Props) {
  const isDefault = selected === DEFAULT_COLLECTION_ID;
  // Closing a form gives the focus back to the button that opened it.
  const openers = { create: useRef<HTMLButtonElement>(null), rename: useRef<HTMLButtonElement>(null), delete: useRef<HTMLButtonElement>(null) };
  const close = () => {
    const opener = panel ? openers[panel].current : null;
    onPanel(null);
    opener?.focus();
  };
  const nameOf = (c: CollectionSummary) => c.name ?? t('collectionDefaultName');
  return (
    <section class="card collection-bar">
      <div class="bar-row">
        <label class="field-label" for="collection-picker">
          {t('collectionPickerLabel')}
        </label>
        <select
          id="collection-picker"
          class="input picker"
          value={selected}
          disabled={busy}
          onChange={(event) => onSelect(event.currentTarget.value)}
        >
          {collections.length === 0 ? <option value={selected}>{name}</option> : null}
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {nameOf(c)}
            </option>
          ))}
        </select>
        <div class="actions">
          <button type="button" class="button" ref={openers.create} aria-expanded={panel === 'create'} onClick={() => onPanel(panel === 'create' ? null : 'create')}>
            {t('collectionNew')}
          </button>
          <button type="button" class="button" ref={openers.rename} aria-expanded={panel === 'rename'} onClick={() => onPanel(panel === 'rename' ? null : 'rename')}>
            {t('collectionRename')}
          </button>
          {isDefault ? null : (
            <button type="button" class="button button-danger" ref={openers.delete} aria-expanded={panel === 'delete'} onClick={() => onPanel(panel === 'delete' ? null : 'delete')}>
              {t('collectionDelete')}
            </button>
          )}
        </div>
      </div>
      {panel === 'create' ? (
        <NameForm key="create" initial="" submitLabel={t('collectionCreate')} busy={busy} onSubmit={onCreate} onCancel={close} t={t} />
      ) : panel === 'rename' ? (
        <NameForm key={`rename-${selected}`} initial={name} submitLabel={t('collectionSaveName')} busy={busy} onSubmit={onRename} onCancel={close} t={t} />
      ) : panel === 'delete' && !isDefault ? (
        <Question
          question={t('collectionDeleteQuestion', name)}
          confirmLabel={t('collectionDeleteConfirm')}
          busy={busy}
          onConfirm={onDelete}
          onCancel={close}
          t={t}
        />
      ) : null}
    </section>
  );
}

interface NameFormProps {
  initial: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (name: string) => void;
  onCancel: () => void;
  t: Translate;
}

/** A name for a collection: 1 to COLLECTION_NAME_MAX characters. Takes the focus when it opens. */
function NameForm({ initial, submitLabel, busy, onSubmit, onCancel, t }: NameFormProps) {
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const submit = (event: Event) => {
    event.preventDefault();
    const name = value.trim();
    if (name.length < 1 || name.length > COLLECTION_NAME_MAX) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    onSubmit(name);
  };
  return (
    <form class="inline-form" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <label class="field-label" for="collection-name">
        {t('collectionNameLabel')}
      </label>
      <div class="field-row">
        <input
          id="collection-name"
          ref={input}
          class="input"
          type="text"
          maxLength={COLLECTION_NAME_MAX + 20}
          value={value}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={invalid ? 'collection-name-error' : undefined}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            setInvalid(false);
          }}
        />
        <button type="submit" class="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {invalid ? (
        <p id="collection-name-error" class="field-error" role="alert">
          {t('collectionNameInvalid', COLLECTION_NAME_MAX)}
        </p>
      ) : null}
    </form>
  );
}

interface QuestionProps {
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  t: Translate;
}

/** "Really?" before something that cannot be undone; the focus goes to Cancel, the safe answer. */
export function Question({ question, confirmLabel, busy, onConfirm, onCancel, t }: QuestionProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <div class="question" role="group" aria-label={question} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <p>{question}</p>
      <div class="actions">
        <button type="button" class="button button-danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="button" ref={cancel} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
