// The console: a router over the URL, the signed-in user, and the screens (docs/console.md).
import { session, signIn, signOut, resume } from "./api.js";
import { h, field, failed, loading } from "./ui.js";
import { ordersScreen } from "./orders.js";
import { newOrderScreen } from "./new-order.js";
import { orderScreen } from "./order.js";
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

function signInScreen() {
  const username = h("input", { autocomplete: "username", required: true });
  const password = h("input", { type: "password", autocomplete: "current-password", required: true });
  const problem = h("p", { class: "error", role: "alert", hidden: true });
  const form = h("form", { class: "signin" },
    h("h1", {}, "Sign in"),
    field("Username", username),
    field("Password", password),
    problem,
    h("button", { type: "submit" }, "Sign in"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await signIn(username.value.trim(), password.value);
      const next = new URLSearchParams(location.search).get("next");
      go(next && next.startsWith("/") && !next.startsWith("//") ? next : "/orders", { replace: true });
    } catch (error) {
      problem.textContent = error.status === 401 ? "Wrong user name or password." : error.message;
      problem.hidden = false;
      password.focus();
    }
  });
  setTimeout(() => username.focus());
  return form;
}

async function render() {
  if (leaving) { leaving(); leaving = null; }
  if (!session.me && location.pathname !== "/sign-in") {
    try { await resume(); } catch (e) { /* drawn as signed out */ }
  }
  if (!session.me) {
    if (location.pathname !== "/sign-in") {
      history.replaceState(null, "", "/sign-in?next=" + encodeURIComponent(location.pathname + location.search));
    }
    drawNav(null);
    document.title = "Sign in · Ordo";
    main.replaceChildren(signInScreen());
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
