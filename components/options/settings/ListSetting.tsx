import { useId, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';

export type Parsed = { ok: true; value: string } | { ok: false; message: string };

/**
 * A short list the rep edits one entry at a time (their addresses, their company domains): each entry
 * checked as it is added, with the reason when it is refused, and removable on its own.
 */
export function ListSetting({
  title,
  hint,
  inputLabel,
  placeholder,
  items,
  max,
  parse,
  onSave,
  testId,
  display = (item) => item,
}: {
  title: string;
  hint: string;
  inputLabel: string;
  placeholder: string;
  items: readonly string[];
  max: number;
  parse: (raw: string) => Parsed;
  /** Saves the whole list; resolves to an error message or null. */
  onSave: (items: string[]) => Promise<string | null>;
  testId: string;
  /** How an entry reads to the rep (IDN domains in Unicode); entries are stored and compared as they are. */
  display?: (item: string) => string;
}) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function add(event: FormEvent) {
    event.preventDefault();
    const parsed = parse(value);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    if (items.includes(parsed.value)) {
      setError(t('setAlreadyListed', display(parsed.value)));
      return;
    }
    if (items.length >= max) {
      setError(t('setListFull', String(max)));
      return;
    }
    const failure = await onSave([...items, parsed.value]);
    if (failure) {
      setError(t('setSaveFailed', failure));
      return;
    }
    setError(null);
    setValue('');
    setStatus(t('setAdded', display(parsed.value)));
  }

  async function remove(item: string) {
    const failure = await onSave(items.filter((candidate) => candidate !== item));
    setStatus(failure ? t('setSaveFailed', failure) : t('setRemoved', display(item)));
  }

  return (
    <div className="ds-set-block" data-testid={testId}>
      <h4 id={`${id}-title`}>{title}</h4>
      <p className="ds-muted ds-small">{hint}</p>
      {items.length > 0 ? (
        <ul className="ds-set-chips" aria-labelledby={`${id}-title`}>
          {items.map((item) => (
            <li key={item} className="ds-set-chip" data-testid={`${testId}-item`}>
              <span title={display(item) === item ? undefined : item}>{display(item)}</span>
              <button
                type="button"
                className="ds-set-chip-remove"
                aria-label={t('setRemoveNamed', display(item))}
                title={t('setRemove')}
                onClick={() => void remove(item)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="ds-muted ds-small">{t('setListEmpty')}</p>
      )}
      <form className="ds-row" onSubmit={(event) => void add(event)}>
        <label htmlFor={`${id}-input`} className="ds-visually-hidden">
          {inputLabel}
        </label>
        <input
          id={`${id}-input`}
          className="ds-input"
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={`${testId}-input`}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="ds-button" data-testid={`${testId}-add`}>
          {t('setAdd')}
        </button>
      </form>
      {error ? (
        <p id={`${id}-error`} className="ds-error-text" role="alert">
          {error}
        </p>
      ) : null}
      <p className="ds-status" role="status">
        {status}
      </p>
    </div>
  );
}
