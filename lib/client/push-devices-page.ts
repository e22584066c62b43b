/** Every device a user can have (the API keeps 20). */
export const PUSH_DEVICES_PAGE_LIMIT = 20;
