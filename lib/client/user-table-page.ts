/** The admin users table's page size; shared with the server, which prefetches its first page. */
export const USER_TABLE_PAGE_SIZE = 50;
