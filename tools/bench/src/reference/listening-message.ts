/** Printed by the bare insert server once it accepts connections. */
export const LISTENING_MESSAGE = 'bare insert server listening';
