/** A failed write, said beside the control the rep used. Announced as it appears. */
export function WriteError({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="ds-write-error" role="alert">
      {message}
    </p>
  );
}
