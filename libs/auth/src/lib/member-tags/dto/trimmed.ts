import { Transform } from 'class-transformer';

/** Surrounding whitespace is dropped, as Label Studio's text fields do. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** The same for each string of a list. */
export const EachTrimmed = (): PropertyDecorator =>
  Transform(({ value }) =>
    Array.isArray(value)
      ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item))
      : value,
  );
