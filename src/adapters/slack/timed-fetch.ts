// Bolt 5.1 sends respond() to the response_url with `clientOptions.fetch ?? globalThis.fetch`
// (context/create-respond.js) and no timeout, so a response_url that never answers held the
// listener forever. WebClient uses the same `fetch` option, so one wrapper bounds both.

/** fetch that gives up after `ms` (a TimeoutError), on top of any signal the caller passes. */
export function timedFetch(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}
