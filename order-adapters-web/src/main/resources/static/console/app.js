// The console: a router over the URL, the signed-in user, and the screens (docs/console.md).
import { session, signIn, signOut, resume, signOnSettings, startSignOn, finishSignOn } from "./api.js";
import { h, field, failed, loading } from "./ui.js";
import { ordersScreen } from "./orders.js";
import { newOrderScreen } from "./new-order.js";
import { orderScreen } from "./order.js";
import { editItemsScreen } from "./edit-items.js";
import { auditScreen } from "./audit.js";
import { reportsScreen } from "./reports.js";

const main = document.getElementById("main");
let leaving = null; // what the current screen stops when the next one comes (the live stream)

/** Goes to a console path without reloading the page. */
export function go(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  render();
}

function routes() {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  if (path === "/orders/new") return ["Orders", () => newOrderScreen(params)];
  const lines = path.match(/^\/orders\/([^/]+)\/items$/);
  if (lines) return ["Orders", () => editItemsScreen(decodeURIComponent(lines[1]))];
  const order = path.match(/^\/orders\/([^/]+)$/);
  if (order) return ["Orders", () => orderScreen(decodeURIComponent(order[1]))];
  if (path === "/audit") return ["Compliance", () => auditScreen(params)];
  if (path === "/reports") return ["Reports", () => reportsScreen()];
  return ["Orders", () => ordersScreen(params)];
}

function drawNav(current) {
  const nav = document.getElementById("nav");
  const who = document.getElementById("session");
  nav.replaceChildren();
  who.replaceChildren();
  if (!session.me) return;
  const links = [["Orders", "/orders"]];
  if (session.any("admin", "compliance")) links.push(["Compliance", "/audit"]);
  if (session.any("admin", "manager", "viewer", "compliance")) links.push(["Reports", "/reports"]);
  nav.append(h("ul", {}, links.map(([name, href]) =>
    h("li", {}, h("a", { href, "data-link": true, "aria-current": name === current ? "page" : null }, name)))));
  who.append(
    h("span", { class: "muted" }, session.me.userId + (session.me.tenant ? " · " + session.me.tenant : "")),
    h("button", { type: "button", class: "secondary", onclick: () => { signOut(); go("/sign-in"); } }, "Sign out"));
}

function safeNext(next) {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/orders";
}

async function signInScreen() {
  const username = h("input", { autocomplete: "username", required: true });
  const password = h("input", { type: "password", autocomplete: "current-password", required: true });
  const token = h("input", { type: "password", autocomplete: "off" });
  const problem = h("p", { class: "error", role: "alert", hidden: true });
  async function attempt(user, secret, focus) {
    try {
      await signIn(user, secret);
      go(safeNext(new URLSearchParams(location.search).get("next")), { replace: true });
    } catch (error) {
      problem.textContent = error.status === 401 ? "Those credentials were not accepted." : error.message;
      problem.hidden = false;
      focus.focus();
    }
  }
  const form = h("form", { class: "signin" },
    h("h1", {}, "Sign in"),
    field("Username", username),
    field("Password", password),
    problem,
    h("button", { type: "submit" }, "Sign in"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt(username.value.trim(), password.value, password);
  });
  const tokenForm = h("form", { class: "signin" },
    field("Bearer token", token, { hint: "Where Ordo takes JWT bearer tokens: paste one issued for you." }),
    h("button", { type: "submit", class: "secondary" }, "Sign in with token"));
  tokenForm.addEventListener("submit", (event) => {
    event.preventDefault();
    attempt(null, token.value.trim(), token);
  });
  setTimeout(() => username.focus());
  let sso = null;
  try { sso = await signOnSettings(); } catch (e) { /* the other ways still work */ }
  const single = sso ? h("button", { type: "button", onclick: () =>
    startSignOn(sso, new URLSearchParams(location.search).get("next")).catch((error) => {
      problem.textContent = error.message;
      problem.hidden = false;
    }) }, "Sign in with single sign-on") : null;
  return h("div", {}, single ? h("p", {}, single) : null, form, h("details", {}, h("summary", {}, "Sign in with a token"), tokenForm));
}

async function render() {
  if (leaving) { leaving(); leaving = null; }
  if (!session.me && location.pathname !== "/sign-in") {
    try { await resume(); } catch (e) { /* drawn as signed out */ }
  }
  const back = new URLSearchParams(location.search);
  if (!session.me && location.pathname === "/sign-in" && back.has("code") && back.has("state")) {
    try {
      const next = await finishSignOn(back);
      go(safeNext(next), { replace: true });
      return;
    } catch (error) {
      history.replaceState(null, "", "/sign-in");
      main.replaceChildren(await signInScreen());
      main.prepend(failed(error));
      return;
    }
  }
  if (!session.me) {
    if (location.pathname !== "/sign-in") {
      history.replaceState(null, "", "/sign-in?next=" + encodeURIComponent(location.pathname + location.search));
    }
    drawNav(null);
    document.title = "Sign in · Ordo";
    main.replaceChildren(await signInScreen());
    return;
  }
  if (location.pathname === "/sign-in" || location.pathname === "/") {
    history.replaceState(null, "", "/orders");
  }
  const [section, screen] = routes();
  drawNav(section);
  main.replaceChildren(loading("the page"));
  try {
    const drawn = await screen();
    main.replaceChildren(drawn.node);
    leaving = drawn.leave || null;
    document.title = drawn.title + " · Ordo";
  } catch (error) {
    main.replaceChildren(h("h1", {}, "Something went wrong"), failed(error));
  }
  main.focus();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-link]");
  if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
    event.preventDefault();
    go(link.getAttribute("href"));
  }
});
window.addEventListener("popstate", render);
render();
