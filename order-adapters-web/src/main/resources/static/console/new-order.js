// New order: the create form; a conversation screen opens it with the contact prefilled (docs/console.md).
import { api, workflows } from "./api.js";
import { h, field, showRefusal, clearFieldErrors, toast } from "./ui.js";
import { go } from "./app.js";
import { lineEditor } from "./items.js";

export async function newOrderScreen(params) {
  const defs = await workflows();
  const input = (name, attrs = {}) => h("input", { name, ...attrs });
  const workflow = h("select", { name: "workflow" }, defs.map((w) => h("option", { value: w.name }, w.name)));
  const status = h("select", { name: "status" });
  const name = input("customer.name", { value: params.get("name"), autocomplete: "off" });
  const phone = input("customer.phone", { type: "tel", value: params.get("phone"), autocomplete: "off" });
  const email = input("customer.email", { type: "email", autocomplete: "off" });
  const customerId = input("customer.id", { value: params.get("customerId") });
  const address = h("textarea", { name: "deliveryAddress", rows: 2 });
  const description = h("textarea", { name: "description", rows: 2 });
  const currency = input("currency", { value: "USD", maxlength: 3, autocapitalize: "characters" });
  const leads = input("leadsPurchased", { type: "number", min: 1 });
  const target = input("targetDeliveryDate", { type: "date" });
  const items = lineEditor(() => currency.value);
  const campaign = h("fieldset", { hidden: true }, h("legend", {}, "Campaign"),
    field("Leads purchased", leads, { name: "leadsPurchased" }),
    field("Target delivery date", target, { name: "targetDeliveryDate" }));
  currency.addEventListener("input", items.sum);

  function chosen() {
    const def = defs.find((w) => w.name === workflow.value);
    status.replaceChildren(...def.initialStatuses.map((s) => h("option", { value: s }, s)));
    status.closest(".field").hidden = def.initialStatuses.length < 2;
    campaign.hidden = def.name !== "lead_campaign";
  }
  workflow.addEventListener("change", chosen);

  const problem = h("p", { class: "error", role: "alert", hidden: true });
  const form = h("form", { novalidate: true },
    h("div", { class: "grid" }, field("Workflow", workflow, { name: "workflow" }), field("Initial status", status, { name: "status" })),
    h("fieldset", {}, h("legend", {}, "Customer"),
      h("div", { class: "grid" }, field("Customer name", name, { name: "customer.name" }), field("Phone", phone, { name: "customer.phone" }),
        field("E-mail", email, { name: "customer.email" }), field("Customer id", customerId, { name: "customer.id" }))),
    field("Delivery address", address, { name: "deliveryAddress" }),
    field("Description", description, { name: "description" }),
    items.node,
    field("Currency", currency, { name: "currency" }),
    campaign,
    problem,
    h("button", { type: "submit" }, "Create order"));
  form.querySelectorAll("[name]").forEach((c) => { if (!c.dataset.field) c.dataset.field = c.name; });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    problem.hidden = true;
    const text = (c) => c.value.trim() || null;
    const def = defs.find((w) => w.name === workflow.value);
    const body = {
      workflow: workflow.value,
      status: def.initialStatuses.length > 1 ? status.value : null,
      customer: { id: text(customerId), name: text(name), phone: text(phone), email: text(email) },
      contactId: params.get("contactId"),
      conversationId: params.get("conversationId"),
      deliveryAddress: text(address),
      description: text(description),
      currency: items.count() || def.name === "checkout" || def.name === "marketplace" ? text(currency) : null,
      items: items.read(),
    };
    if (def.name === "lead_campaign") {
      body.leadsPurchased = leads.value ? Number(leads.value) : null;
      body.targetDeliveryDate = text(target);
    }
    for (const key of Object.keys(body)) if (body[key] === null) delete body[key];
    try {
      const order = await api("POST", "/api/orders", body);
      toast("Order " + order.orderNumber + " created.");
      go("/orders/" + order.id);
    } catch (error) {
      showRefusal(form, problem, error);
    }
  });
  chosen();
  items.sum();
  const conversation = params.get("conversationId") || params.get("contactId");
  return {
    title: "New order",
    node: h("section", {}, h("h1", {}, "New order"),
      conversation ? h("p", { class: "muted" }, "From conversation " + (params.get("conversationId") || "") + (params.get("contactId") ? " · contact " + params.get("contactId") : "")) : null,
      form),
  };
}
