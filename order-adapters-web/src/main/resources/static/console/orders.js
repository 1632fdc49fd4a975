// Orders: the table of GET /api/orders, its filters kept in the URL, "Load more", and a live badge.
import { api, follow, workflows } from "./api.js";
import { h, field, loading, failed, toastError, when, money, scroller } from "./ui.js";
import { go } from "./app.js";

const FILTERS = ["q", "status", "workflow", "assignee", "sort", "active", "location", "customerId", "contactId", "conversationId", "createdFrom", "createdTo"];
const MORE = [["location", "Location"], ["customerId", "Customer id"], ["contactId", "Contact id"], ["conversationId", "Conversation id"]];
const SORTS = [["-createdAt", "Newest first"], ["createdAt", "Oldest first"], ["-updatedAt", "Recently changed"],
  ["-totalAmount", "Largest total"], ["totalAmount", "Smallest total"], ["-priority", "Highest priority"]];

export async function ordersScreen(params) {
  const defs = await workflows();
  const statuses = [...new Set(defs.flatMap((w) => w.statuses))].sort();
  const control = (name, el) => { el.name = name; el.value = params.get(name) || (name === "sort" ? "-createdAt" : ""); return el; };
  const select = (options, any) => h("select", {}, any ? h("option", { value: "" }, any) : null,
    options.map(([value, label]) => h("option", { value }, label)));
  const filters = h("form", { class: "filters", role: "search", "aria-label": "Filter orders" },
    field("Search", control("q", h("input", { type: "search", placeholder: "number, customer, phone, description" }))),
    field("Status", control("status", select(statuses.map((s) => [s, s]), "Any status"))),
    field("Workflow", control("workflow", select(defs.map((w) => [w.name, w.name]), "Any workflow"))),
    field("Assignee", control("assignee", h("input", {}))),
    field("Sort", control("sort", select(SORTS))),
    field("Show", control("active", select([["true", "Active orders"], ["false", "Cancelled orders"], ["", "All orders"]]))),
    h("div", { class: "field" }, h("button", { type: "submit" }, "Filter")),
    h("details", { class: "more", open: !!(MORE.some(([n]) => params.get(n)) || params.get("createdFrom") || params.get("createdTo")) },
      h("summary", {}, "More filters"),
      h("div", { class: "filters" },
        MORE.map(([name, label]) => field(label, control(name, h("input", {})))),
        field("Created from", control("createdFrom", h("input", { type: "date" }))),
        field("Created to", control("createdTo", h("input", { type: "date" }))))));
  for (const name of ["createdFrom", "createdTo"]) {
    const value = params.get(name);
    filters.elements.namedItem(name).value = value ? value.slice(0, 10) : "";
  }
  filters.elements.namedItem("active").value = params.has("active") ? params.get("active") : "true";
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      let value = filters.elements.namedItem(name).value.trim();
      if (value && name === "createdFrom") value += "T00:00:00Z";
      if (value && name === "createdTo") value += "T23:59:59.999Z";
      if (name === "active" ? value !== "true" : name === "sort" ? value !== "-createdAt" : value) next.set(name, value);
    }
    go("/orders" + (next.toString() ? "?" + next : ""));
  });

  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.has(name)) query.set(name, params.get(name));
  if (!query.has("active")) query.set("active", "true");
  if (query.get("active") === "") query.delete("active");
  query.set("limit", "25");

  const body = h("tbody", { role: "rowgroup" });
  // the roles keep the table a table for assistive technology where a narrow screen shows each row as a card
  const table = h("table", { class: "orders", role: "table" },
    h("caption", { class: "muted" }, "Orders"),
    h("thead", { role: "rowgroup" }, h("tr", { role: "row" }, COLUMNS
      .map((c) => h("th", { scope: "col", role: "columnheader", class: c === "Total" ? "num" : null }, c)))),
    body);
  const state = h("div", {}, loading("orders"));
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "Load more");
  let cursor = null;

  async function load() {
    more.disabled = true;
    const q = new URLSearchParams(query);
    if (cursor) q.set("cursor", cursor);
    try {
      const page = await api("GET", "/api/orders?" + q);
      for (const o of page.items) body.append(row(o));
      cursor = page.nextCursor;
      more.hidden = !page.hasMore;
      state.replaceChildren(body.children.length ? "" : h("p", { class: "muted" }, "No orders match these filters."));
    } catch (error) {
      state.replaceChildren(failed(error));
      toastError(error);
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener("click", load);

  let changes = 0;
  const badge = h("button", { type: "button", class: "secondary", hidden: true, onclick: () => go(location.pathname + location.search, { replace: true }) });
  const stop = follow(() => {
    changes++;
    badge.textContent = changes === 1 ? "1 new change: refresh" : changes + " new changes: refresh";
    badge.hidden = false;
  });

  await load();
  return {
    title: "Orders",
    leave: stop,
    node: h("section", {},
      h("div", { class: "row" }, h("h1", {}, "Orders"), h("a", { class: "button", href: "/orders/new", "data-link": true, role: "button" }, "New order"),
        h("span", { "aria-live": "polite" }, badge)),
      filters,
      scroller("Orders table", table),
      state,
      more),
  };
}

const COLUMNS = ["Number", "Customer", "Workflow", "Status", "Total", "Assignee", "Created", "Updated"];

/** A row; each cell names its column (data-label), which a narrow screen shows beside the value. */
function row(o) {
  const cells = [
    h("a", { href: "/orders/" + o.id, "data-link": true }, o.orderNumber),
    o.customer && o.customer.name ? o.customer.name : "",
    o.workflow,
    h("span", { class: "status" }, o.status),
    money(o.totalAmount, o.currency),
    o.assignee,
    when(o.createdAt),
    when(o.updatedAt),
  ];
  return h("tr", { role: "row" }, cells.map((value, i) =>
    h("td", { role: "cell", "data-label": COLUMNS[i], class: COLUMNS[i] === "Total" ? "num" : null }, value)));
}
