// Edit items: an order's lines changed as a whole (a PATCH of items, with the order's version in If-Match); the
// totals are recomputed by the service, and the stored event keeps the old and the new lines (docs/console.md).
import { api, session, workflows } from "./api.js";
import { h, field, showRefusal, clearFieldErrors, toast } from "./ui.js";
import { go } from "./app.js";
import { lineEditor } from "./items.js";

export async function editItemsScreen(id) {
  const order = await api("GET", "/api/orders/" + encodeURIComponent(id));
  const def = (await workflows()).find((w) => w.name === order.workflow);
  const title = "Items of order " + order.orderNumber;
  const back = h("a", { href: "/orders/" + order.id, "data-link": true }, "Back to the order");
  if (!session.any("admin", "manager", "agent") || !def.editableIn.includes(order.status) || !order.currency) {
    return { title, node: h("section", {}, h("h1", {}, title), h("p", { class: "muted" },
      "The lines of this order cannot be changed here" + (def.editableIn.includes(order.status) ? "." : " in status " + order.status + ".")), back) };
  }
  const items = lineEditor(() => order.currency);
  items.fill(order.items || []);
  const justification = def.justificationRequired ? h("textarea", { rows: 2 }) : null;
  const problem = h("p", { class: "error", role: "alert", hidden: true });
  const form = h("form", { novalidate: true },
    items.node,
    justification ? field("Justification", justification, { name: "justification", hint: "Changes to this workflow's orders need one." }) : null,
    problem,
    h("div", { class: "row" }, h("button", { type: "submit" }, "Save items"), back));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    problem.hidden = true;
    const patch = { items: items.read() };
    if (justification) patch.justification = justification.value.trim() || null;
    try {
      const changed = await api("PATCH", "/api/orders/" + order.id, patch, { "If-Match": '"' + order.version + '"' });
      toast("Items saved. Total " + changed.totalAmount + " " + changed.currency + ".");
      go("/orders/" + order.id);
    } catch (error) {
      showRefusal(form, problem, error);
    }
  });
  return { title, node: h("section", {}, h("h1", {}, title), form) };
}
