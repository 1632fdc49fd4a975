// The console's one door to the service: the public API, with the signed-in user's credentials.
const KEY = "ordo.authorization";

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || "HTTP " + status);
    this.status = status;
    this.code = problem.code || "HTTP_" + status;
    this.errors = problem.errors || [];
    this.problem = problem;
  }
}

export const session = {
  me: null,
  get authorization() { return sessionStorage.getItem(KEY); },
  has(role) { return !!this.me && this.me.roles.includes(role); },
  any(...roles) { return roles.some((r) => this.has(r)); },
};

/** Signs in: with a user name, basic credentials; without one, the secret is a bearer token. */
export async function signIn(username, secret) {
  const authorization = username === null ? "Bearer " + secret : "Basic " + btoa(unescape(encodeURIComponent(username + ":" + secret)));
  sessionStorage.setItem(KEY, authorization);
  try {
    session.me = await api("GET", "/api/me");
  } catch (e) {
    sessionStorage.removeItem(KEY);
    throw e;
  }
  return session.me;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  session.me = null;
}

/** Restores the session of this tab, if its credentials still work. */
export async function resume() {
  if (!session.authorization) return null;
  try {
    session.me = await api("GET", "/api/me");
  } catch (e) {
    if (e.status === 401) signOut();
    else throw e;
  }
  return session.me;
}

/** Calls the API; answers the JSON body (and the response as .response); throws ApiError with the problem. */
export async function api(method, path, body, headers = {}) {
  const init = { method, headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest", ...headers } };
  if (session.authorization) init.headers.Authorization = session.authorization;
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { code: "UNAVAILABLE", detail: "The service cannot be reached." });
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json || { detail: text || response.statusText });
  return json;
}

/** Downloads an answer as a file (an audit export), with the credentials a plain link cannot send. */
export async function download(path, filename) {
  const response = await fetch(path, { headers: { Authorization: session.authorization } });
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(response.status, problem);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Follows the live stream (Server-Sent Events read with fetch, which can send the credentials): calls onEvent for
 * each event; answers a function that stops it.
 */
export function follow(onEvent) {
  const controller = new AbortController();
  (async () => {
    try {
      const response = await fetch("/api/orders/stream", {
        headers: { Accept: "text/event-stream", Authorization: session.authorization },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = { type: "message", data: "" };
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) event.type = line.slice(6).trim();
            else if (line.startsWith("data:")) event.data += line.slice(5).trim();
            else if (line.startsWith("id:")) event.id = line.slice(3).trim();
          }
          if (event.data) onEvent(event);
        }
      }
    } catch (e) {
      // stopped, or the stream ended: the badge simply stops counting
    }
  })();
  return () => controller.abort();
}

let workflowList = null;

/** The workflow definitions (statuses, transitions, what needs a reason), read once per page. */
export async function workflows() {
  if (!workflowList) workflowList = await api("GET", "/api/workflows");
  return workflowList;
}

const SSO = "ordo.sso";
const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** How the service lets the console sign users in: null, or the identity provider's client and endpoint. */
export async function signOnSettings() {
  const settings = await api("GET", "/console/settings");
  return settings.sso;
}

/** Sends the user to the identity provider (OIDC code flow with PKCE); it sends them back to /sign-in. */
export async function startSignOn(sso, next) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(SSO, JSON.stringify({ verifier, state, next }));
  const query = new URLSearchParams({
    response_type: "code", client_id: sso.clientId, redirect_uri: location.origin + "/sign-in", scope: "openid",
    code_challenge: challenge, code_challenge_method: "S256", state,
  });
  location.assign(sso.authorizationEndpoint + (sso.authorizationEndpoint.includes("?") ? "&" : "?") + query);
}

/** Completes a sign-on the identity provider sent back (code and state in the URL); answers where to go next. */
export async function finishSignOn(params) {
  const started = JSON.parse(sessionStorage.getItem(SSO) || "null");
  sessionStorage.removeItem(SSO);
  if (!started || started.state !== params.get("state")) {
    throw new ApiError(401, { code: "UNAUTHENTICATED", detail: "This sign-in was not started here; sign in again." });
  }
  const answer = await api("POST", "/console/token", {
    code: params.get("code"), codeVerifier: started.verifier, redirectUri: location.origin + "/sign-in",
  });
  await signIn(null, answer.accessToken);
  return started.next;
}
