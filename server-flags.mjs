// The Node flags `server.mjs` runs with: `npm start`, the quick start, the e2e servers and the
// benches all start it through `SERVER_NODE_FLAGS` (tests/unit/server-flags.test.ts holds the two
// shell entries to it). V8 reads them only at start-up, so the server cannot set them itself.
//
// A 64 MB young generation (16 MB by default): a request allocates ~1 MB building a list page, so
// the default space was collected every ~10 requests, promoting what those in flight held. Under
// `bench/admin-list.mjs` this cut scavenges to a third and ~0.2 ms of collection per list request.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];
