import { ApiError } from "@/lib/api";

/**
 * The API's field errors for a form: `for(field)` hands a field its messages and remembers that it is
 * shown, so `unshown()` can list whatever no field on the form displays (nothing is silently dropped).
 */
export class FormErrors {
  private readonly shown = new Set<string>();

  constructor(readonly error: ApiError | null) {}

  for(...fields: string[]): string[] {
    if (!this.error) return [];
    return fields.flatMap((field) => {
      const messages = this.error?.errorsFor(field) ?? [];
      if (messages.length > 0) this.shown.add(field.toLowerCase());
      return messages;
    });
  }

  /**
   * The error without the field errors a field shows; undefined when there was no error. When fields show
   * some, the detail points at them (the API's detail only lists the fields' names).
   */
  unshown(): ApiError | undefined {
    if (!this.error) return undefined;
    const all = Object.entries(this.error.fieldErrors);
    const fieldErrors = Object.fromEntries(all.filter(([field]) => !this.shown.has(field.toLowerCase())));
    const someShown = Object.keys(fieldErrors).length < all.length;
    return new ApiError({
      status: this.error.status,
      title: this.error.title,
      detail: someShown ? "Check the fields marked below." : this.error.detail,
      type: this.error.type,
      traceId: this.error.traceId,
      retryAfterSeconds: this.error.retryAfterSeconds,
      fieldErrors,
    });
  }
}
