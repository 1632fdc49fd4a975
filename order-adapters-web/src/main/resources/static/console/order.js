// Order: every field, items, payment and shipping, campaign progress, timeline, discussion, and the actions the
// caller may take (one button per allowed transition, cancel, edit details or items, deliver or take back a lead,
// assign); events, as-of and verify for compliance.
import { api, session, workflows } from "./api.js";
import { h, field, dialog, toast, toastError, when, money, failed, scroller } from "./ui.js";
import { go } from "./app.js";

export async function orderScreen(id) {
  const order = await api("GET", "/api/orders/" + encodeURIComponent(id));
  const def = (await workflows()).find((w) => w.name === order.workflow);
  const path = "/api/orders/" + order.id;
  const again = () => go("/orders/" + order.id, { replace: true });
  const write = async (what, method, url, body) => {
    const changed = await api(method, url, body, { "If-Match": '"' + order.version + '"' });
    toast(what + (changed && changed.status ? " Status: " + changed.status + "." : ""));
    again();
  };

  const actions = h("div", { class: "row", role: "group", "aria-label": "Actions" });
  for (const target of order.allowedTransitions.filter((t) => t !== def.cancelledStatus)) {
    actions.append(h("button", { type: "button", onclick: async (event) => {
      event.target.disabled = true;
      try { await write("Moved to " + target + ".", "POST", path + "/status", { status: target }); }
      catch (error) { toastError(error); event.target.disabled = false; }
    } }, target));
  }
  if (order.allowedTransitions.includes(def.cancelledStatus)) {
    actions.append(h("button", { type: "button", class: "danger", onclick: () =>
      dialog("Cancel order " + order.orderNumber, [{ label: "Reason", name: "reason", required: true, multiline: true }],
        (v) => write("Order cancelled.", "POST", path + "/cancel", { reason: v.reason })) }, "Cancel order"));
  }
  const writer = session.any("admin", "manager", "agent");
  if (writer && def.editableIn.includes(order.status)) {
    actions.append(h("button", { type: "button", class: "secondary", onclick: () => editDetails(order, def, write) }, "Edit details"));
    if (order.currency) {
      actions.append(h("button", { type: "button", class: "secondary", onclick: () => go("/orders/" + order.id + "/items") }, "Edit items"));
    }
  }
  if (writer && order.leads && order.status === "active") {
    actions.append(h("button", { type: "button", class: "secondary", onclick: () =>
      dialog("Deliver a lead to " + order.orderNumber, [{ label: "Lead id", name: "leadId", required: true }],
        (v) => write("Lead " + v.leadId + " delivered.", "POST", path + "/leads", { leadId: v.leadId })) }, "Deliver lead"));
  }
  if (writer && order.leads && order.leads.delivered > 0 && ["active", "paused"].includes(order.status)) {
    actions.append(h("button", { type: "button", class: "secondary", onclick: () =>
      dialog("Take a lead back from " + order.orderNumber, [{ label: "Lead id", name: "leadId", required: true }],
        (v) => write("Lead " + v.leadId + " taken back.", "DELETE", path + "/leads/" + encodeURIComponent(v.leadId || ""))) }, "Take back lead"));
  }
  if (session.any("admin", "manager")) {
    actions.append(h("button", { type: "button", class: "secondary", onclick: () =>
      dialog("Assign " + order.orderNumber, [{ label: "Assignee", name: "assignee", required: true, value: order.assignee }, { label: "Reason", name: "reason" }],
        (v) => write("Order assigned to " + v.assignee + ".", "POST", path + "/assign", v)) }, "Assign"));
  }

  const sections = [
    h("div", { class: "row" }, h("h1", {}, "Order " + order.orderNumber),
      h("span", { class: "status", role: "status", "aria-label": "Status" }, order.status)),
    actions.children.length ? actions : null,
    facts(order),
    items(order),
    order.leads ? campaign(order.leads) : null,
    providers(order),
    await timeline(path),
  ];
  if (session.any("admin", "manager", "agent", "viewer", "compliance")) {
    sections.push(await discussion(order, def, path, again));
  }
  if (session.any("admin", "manager", "compliance")) sections.push(history(order, path));
  return { title: "Order " + order.orderNumber, node: h("section", {}, sections) };
}

/**
 * "Edit details": the fields a PATCH may change, as the order has them; only what the user changed is sent (a merge
 * patch; an emptied field clears it), with the order's version in If-Match. The lines are not edited here.
 */
function editDetails(order, def, write) {
  const c = order.customer || {};
  const fields = [
    { label: "Customer name", name: "customer.name", value: c.name },
    { label: "Phone", name: "customer.phone", value: c.phone, type: "tel" },
    { label: "E-mail", name: "customer.email", value: c.email, type: "email" },
    { label: "Delivery address", name: "deliveryAddress", value: order.deliveryAddress, multiline: true },
    { label: "Description", name: "description", value: order.description, multiline: true },
    { label: "Notes", name: "notes", value: order.notes, multiline: true },
    { label: "Location", name: "location", value: order.location },
    { label: "Priority", name: "priority", value: order.priority, type: "number" },
  ];
  if (order.leads) {
    fields.push({ label: "Leads purchased", name: "leadsPurchased", value: order.leads.purchased, type: "number", min: 1 },
      { label: "Target delivery date", name: "targetDeliveryDate", value: order.leads.targetDeliveryDate, type: "date" });
  }
  if (def.justificationRequired) {
    fields.push({ label: "Justification", name: "justification", required: true, multiline: true, hint: "Changes to this workflow's orders need one." });
  }
  const numeric = new Set(["priority", "leadsPurchased"]);
  dialog("Edit order " + order.orderNumber, fields, (values) => {
    const patch = {};
    for (const f of fields) {
      const before = f.value === undefined || f.value === null ? null : String(f.value);
      const after = values[f.name];
      if (f.name !== "justification" && after === before) continue;
      const value = after !== null && numeric.has(f.name) && Number.isFinite(Number(after)) ? Number(after) : after;
      const [head, leaf] = f.name.split(".");
      if (leaf) (patch[head] = patch[head] || {})[leaf] = value;
      else patch[head] = value;
    }
    const changed = Object.keys(patch).filter((k) => k !== "justification");
    if (!changed.length) {
      toast("Nothing changed.");
      return undefined;
    }
    return write("Order updated.", "PATCH", "/api/orders/" + order.id, patch);
  });
}

function facts(o) {
  const c = o.customer || {};
  const rows = [
    ["Workflow", o.workflow], ["Customer", c.name], ["Phone", c.phone], ["E-mail", c.email], ["Customer id", c.id],
    ["Delivery address", o.deliveryAddress], ["Description", o.description], ["Notes", o.notes],
    ["Location", o.location], ["Priority", o.priority], ["Total", money(o.totalAmount, o.currency)],
    ["Assignee", o.assignee], ["Contact", o.contact && o.contact.contactId ? o.contact.contactId + (o.contact.conversationId ? " · " + o.contact.conversationId : "") : null],
    ["Created", when(o.createdAt) + " by " + o.createdBy], ["Updated", o.updatedAt ? when(o.updatedAt) + " by " + o.updatedBy : null],
    ["Version", o.version],
  ].filter(([, v]) => v !== null && v !== undefined && v !== "");
  return h("dl", { class: "facts" }, rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))]));
}

function items(o) {
  if (!o.items || !o.items.length) return null;
  return h("div", {}, h("h2", {}, "Items"), scroller("Items", h("table", {},
    h("thead", {}, h("tr", {}, ["SKU", "Item", "Quantity", "Unit price", "Line total"].map((c, i) => h("th", { scope: "col", class: i > 1 ? "num" : null }, c)))),
    h("tbody", {}, o.items.map((l) => h("tr", {}, h("td", {}, l.sku), h("td", {}, l.name || ""), h("td", { class: "num" }, l.quantity),
      h("td", { class: "num" }, money(l.unitPrice, o.currency)), h("td", { class: "num" }, money(l.lineTotal, o.currency))))),
    h("tfoot", {}, h("tr", {}, h("th", { scope: "row", colspan: 4 }, "Total"), h("td", { class: "num" }, money(o.totalAmount, o.currency)))))));
}

function campaign(leads) {
  const overdue = leads.daysRemaining !== null && leads.daysRemaining < 0 && leads.remaining > 0;
  return h("div", { class: "panel" }, h("h2", {}, "Campaign progress"),
    h("progress", { max: leads.purchased, value: leads.delivered, "aria-label": "Leads delivered" }),
    h("p", {}, leads.delivered + " of " + leads.purchased + " leads delivered (" + leads.completionPercentage + "%)"),
    leads.targetDeliveryDate ? h("p", {}, "Target " + leads.targetDeliveryDate + ": ",
      overdue ? h("span", { class: "badge overdue" }, "Overdue by " + -leads.daysRemaining + " days")
        : leads.daysRemaining + " days remaining") : null);
}

function providers(o) {
  const p = o.payment || {};
  const s = o.shipping || {};
  const rows = [["Payment", p.status], ["Payment intent", p.intentId], ["Transaction", p.transactionHash], ["Escrow", p.escrowId],
    ["Carrier", s.carrier], ["Tracking number", s.trackingNumber], ["Shipment at", s.location], ["Estimated delivery", s.estimatedDelivery]]
    .filter(([, v]) => v);
  if (!rows.length) return null;
  return h("div", {}, h("h2", {}, "Payment and shipping"), h("dl", { class: "facts" }, rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])));
}

async function timeline(path) {
  try {
    const entries = await api("GET", path + "/timeline");
    return h("div", {}, h("h2", {}, "Timeline"), h("ol", { class: "timeline" }, entries.map((e) => h("li", {},
      h("strong", {}, e.status), " · " + when(e.at) + " · " + e.by + " (" + e.source + ")",
      e.reason ? " · reason: " + e.reason : "", e.note ? " · " + e.note : "",
      e.trackingNumber ? " · " + (e.carrier || "") + " " + e.trackingNumber : ""))));
  } catch (error) {
    return h("div", {}, h("h2", {}, "Timeline"), failed(error));
  }
}

async function discussion(order, def, path, again) {
  const box = h("div", {}, h("h2", {}, "Discussion"));
  try {
    const notes = await api("GET", path + "/notes");
    box.append(notes.length
      ? h("ul", {}, notes.map((n) => h("li", {}, h("strong", {}, n.by), " · " + when(n.at) + ": ", n.text)))
      : h("p", { class: "muted" }, "No notes yet."));
  } catch (error) {
    box.append(failed(error));
  }
  if (def.discussionClosedIn.includes(order.status)) {
    box.append(h("p", { class: "muted" }, "The discussion is closed in status " + order.status + "."));
  } else if (session.any("admin", "manager", "agent")) {
    const text = h("textarea", { rows: 2, required: true });
    const form = h("form", {}, field("Note", text, { name: "text" }), h("button", { type: "submit" }, "Add note"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await api("POST", path + "/notes", { text: text.value });
        toast("Note added.");
        again();
      } catch (error) { toastError(error); }
    });
    box.append(form);
  }
  return box;
}

function history(order, path) {
  const out = h("div", {});
  const asOf = h("input", { type: "datetime-local", step: 1 });
  const asOfForm = h("form", { class: "row" }, field("As of", asOf), h("button", { type: "submit" }, "Show as of"));
  asOfForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const instant = asOf.value ? new Date(asOf.value).toISOString() : new Date().toISOString();
      const then = await api("GET", path + "?asOf=" + encodeURIComponent(instant));
      out.replaceChildren(h("h3", {}, "The order as of " + when(instant)),
        h("p", {}, "Status ", h("strong", {}, then.status), " · version " + then.version), facts(then));
    } catch (error) { out.replaceChildren(failed(error)); toastError(error); }
  });
  const events = h("button", { type: "button", class: "secondary", onclick: async () => {
    try {
      const page = await api("GET", path + "/events?limit=100");
      out.replaceChildren(h("h3", {}, "Stored events"), scroller("Stored events", h("table", { class: "events" },
        h("thead", {}, h("tr", {}, ["#", "Type", "At", "By", "Payload"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, page.items.map((e) => h("tr", {}, h("td", {}, e.sequence), h("td", {}, e.type), h("td", {}, when(e.at)),
          h("td", {}, e.by || ""), h("td", {}, h("code", {}, JSON.stringify(e.payload)))))))));
    } catch (error) { out.replaceChildren(failed(error)); toastError(error); }
  } }, "Show events");
  const verify = session.any("admin", "compliance") ? h("button", { type: "button", class: "secondary", onclick: async () => {
    try {
      const result = await api("GET", path + "/verify");
      out.replaceChildren(h("p", { role: "status" }, result.valid
        ? "Verified: the hash chain of " + result.events + " events is intact."
        : "Broken: the hash chain breaks at event " + result.brokenAt + "."));
    } catch (error) { out.replaceChildren(failed(error)); toastError(error); }
  } }, "Verify") : null;
  return h("div", { class: "panel" }, h("h2", {}, "History"), h("div", { class: "row" }, events, verify), asOfForm, out);
}
