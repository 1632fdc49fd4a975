// Compliance: the audit trail (search, export), who read what, and an order's history by id.
import { api, download } from "./api.js";
import { h, field, failed, toast, toastError, when, scroller } from "./ui.js";
import { go } from "./app.js";

function pager(label, url, columns, cells) {
  const body = h("tbody");
  const state = h("div", {});
  const more = h("button", { type: "button", class: "secondary", hidden: true }, "Load more");
  let cursor = null;
  async function load() {
    try {
      const page = await api("GET", url + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
      page.items.forEach((item) => body.append(h("tr", {}, cells(item).map((c) => h("td", {}, c)))));
      cursor = page.nextCursor;
      more.hidden = !page.hasMore;
      state.replaceChildren(body.children.length ? "" : h("p", { class: "muted" }, "Nothing matches."));
    } catch (error) { state.replaceChildren(failed(error)); toastError(error); }
  }
  more.addEventListener("click", load);
  const node = h("div", {}, scroller(label, h("table", {},
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))), body)), state, more);
  return { node, load };
}

function filterForm(label, names, values, onSubmit, extra = []) {
  const controls = names.map(([name, title, type]) => [name, h("input", { type: type || "text", value: values.get(name) })]);
  const form = h("form", { class: "filters", role: "search", "aria-label": label },
    controls.map(([name, c], i) => field(names[i][1], c, { name })), h("div", { class: "field row" }, h("button", { type: "submit" }, "Search"), extra));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    onSubmit(Object.fromEntries(controls.map(([n, c]) => [n, c.value.trim()]).filter(([, v]) => v)));
  });
  return form;
}

export async function auditScreen(params) {
  const audit = new URLSearchParams();
  for (const n of ["actor", "type", "orderId", "from", "to"]) if (params.get(n)) audit.set(n, params.get(n));
  audit.set("limit", "25");
  const trail = pager("Audit trail", "/api/audit?" + audit, ["At", "Order", "Type", "By", "Source", "Reason"],
    (e) => [when(e.at), h("a", { href: "/orders/" + e.orderId, "data-link": true }, e.orderNumber || e.orderId), e.type, e.by || "", e.source || "", e.reason || ""]);
  const exportAs = (format) => h("button", { type: "button", class: "secondary", onclick: async () => {
    const q = new URLSearchParams(audit);
    q.delete("limit");
    q.set("format", format);
    try { await download("/api/audit/export?" + q, "audit." + format); toast("Export started: audit." + format); }
    catch (error) { toastError(error); }
  } }, "Export " + format.toUpperCase());
  const trailForm = filterForm("Search the audit trail",
    [["actor", "Actor"], ["type", "Event type"], ["orderId", "Order id"], ["from", "From (ISO instant)"], ["to", "To (ISO instant)"]],
    params, (v) => go("/audit?" + new URLSearchParams(v)), [exportAs("csv"), exportAs("ndjson")]);

  const readsQuery = new URLSearchParams({ limit: "25" });
  if (params.get("readsActor")) readsQuery.set("actor", params.get("readsActor"));
  if (params.get("readsOrderId")) readsQuery.set("orderId", params.get("readsOrderId"));
  const reads = pager("Who read what", "/api/audit/reads?" + readsQuery, ["At", "By", "What", "Order", "Filters"],
    (r) => [when(r.at), r.by, r.what, r.orderId ? h("a", { href: "/orders/" + r.orderId, "data-link": true }, r.orderId) : "", r.filters || ""]);
  const readsForm = filterForm("Search who read what", [["readsActor", "Reader"], ["readsOrderId", "Read order id"]], params,
    (v) => go("/audit?" + new URLSearchParams({ ...Object.fromEntries(audit), ...v })));

  const orderId = h("input", {});
  const open = h("form", { class: "row" }, field("Order id", orderId), h("button", { type: "submit" }, "Open order"));
  open.addEventListener("submit", (event) => { event.preventDefault(); if (orderId.value.trim()) go("/orders/" + encodeURIComponent(orderId.value.trim())); });

  await Promise.all([trail.load(), reads.load()]);
  return {
    title: "Compliance",
    node: h("section", {}, h("h1", {}, "Compliance"),
      h("p", { class: "muted" }, "An order's stored events, its state as of an instant and its hash-chain check are on the order's page."),
      open,
      h("h2", {}, "Audit trail"), trailForm, trail.node,
      h("h2", {}, "Who read what"), readsForm, reads.node),
  };
}
