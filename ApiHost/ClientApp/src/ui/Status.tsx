import { ApiError } from '../api/http';

export function Loading(props: { what: string }) {
  return (
    <p class="status" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" /> Loading {props.what}…
    </p>
  );
}

/** Explains a failed request, with what to do about it. */
export function ErrorBox(props: { error: unknown; retry?: () => void }) {
  return (
    <div class="error" role="alert">
      <p>{describe(props.error)}</p>
      {props.retry && (
        <button type="button" onClick={props.retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.errors) {
      const fields = Object.entries(error.errors).map(([field, problems]) => `${field}: ${problems.join(' ')}`);
      return `${error.message} ${fields.join('; ')}`;
    }
    return error.code ? `${error.message} (${error.code})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
