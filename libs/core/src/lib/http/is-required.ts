import { IsDefined } from 'class-validator';

/** Label Studio's message for a missing field, which its clients show. */
export const REQUIRED_MESSAGE = 'This field is required.';

/** The field must be given (`null` counts as missing), with Label Studio's message. */
export const IsRequired = () => IsDefined({ message: REQUIRED_MESSAGE });
