import { useId, type ReactNode } from 'react';

/** What the control inside a field spreads onto itself: its id, and its error when there is one. */
export interface FieldControl {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A label, its control and the control's error, in the caller's layout (no wrapper of its own). The
 * label names the control; the error is read with it (`aria-describedby`) and marks it invalid.
 * `children` renders the control (with anything that sits beside it) from the props it is given.
 */
export function Field({
  label,
  error,
  id: givenId,
  labelClassName = 'ds-label',
  errorClassName = 'ds-error-text',
  describedBy,
  quiet = false,
  children,
}: {
  label: ReactNode;
  /** Shown under the control; nothing when empty. */
  error?: string | null;
  /** The control's id, when something else points at it; a generated one otherwise. */
  id?: string;
  labelClassName?: string;
  errorClassName?: string;
  /** Other text that describes the control (a hint), by id. */
  describedBy?: string;
  /**
   * For messages that follow the rep's typing (a playbook draft's validation): read with the field,
   * not announced on every keystroke. Other errors answer an action and are announced as they appear.
   */
  quiet?: boolean;
  children: (control: FieldControl) => ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const errorId = `${id}-error`;
  const describedByIds = [describedBy, error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedByIds || undefined,
      })}
      {error ? (
        <p id={errorId} className={errorClassName} role={quiet ? undefined : 'alert'}>
          {error}
        </p>
      ) : null}
    </>
  );
}
