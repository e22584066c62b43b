/** Enough for every device a person has; the devices card says when there are more. */
export const SESSIONS_PAGE_LIMIT = 100;
