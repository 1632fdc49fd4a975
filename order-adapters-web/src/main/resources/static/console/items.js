// The lines of an order as a form: one fieldset per line ("SKU", "Item name", "Quantity", "Unit price", "Remove item"),
// "Add item", and a live total; used by the new order and by the edit of an order's lines.
import { h, field } from "./ui.js";

/**
 * A line editor. currency() gives the currency the total is shown in; read() answers the lines as the API takes
 * them; each control names its line's field for the API's errors (items[0].quantity).
 */
export function lineEditor(currency) {
  const total = h("output", { "aria-live": "polite" });
  const lines = h("div", {});

  function line(item = {}) {
    const index = () => [...lines.children].indexOf(box);
    const sku = h("input", { value: item.sku });
    const itemName = h("input", { value: item.name });
    const quantity = h("input", { type: "number", min: 1, value: item.quantity === undefined ? "1" : String(item.quantity) });
    const price = h("input", { inputmode: "decimal", value: item.unitPrice });
    const remove = h("button", { type: "button", class: "secondary", onclick: () => { box.remove(); renumber(); sum(); } }, "Remove item");
    const box = h("fieldset", { class: "grid item" }, h("legend", {}, "Item"),
      field("SKU", sku), field("Item name", itemName), field("Quantity", quantity), field("Unit price", price), h("div", { class: "field" }, remove));
    box.read = () => ({ sku: sku.value.trim() || null, name: itemName.value.trim() || null,
      quantity: Number(quantity.value), unitPrice: price.value.trim() || null });
    box.number = () => {
      const i = index();
      box.querySelector("legend").textContent = "Item " + (i + 1);
      [[sku, "sku"], [itemName, "name"], [quantity, "quantity"], [price, "unitPrice"]].forEach(([c, f]) => { c.dataset.field = `items[${i}].${f}`; });
    };
    [quantity, price].forEach((c) => c.addEventListener("input", sum));
    return box;
  }
  const renumber = () => [...lines.children].forEach((b) => b.number());
  function sum() {
    let cents = 0;
    for (const b of lines.children) {
      const { quantity, unitPrice } = b.read();
      const p = Number(unitPrice);
      if (Number.isFinite(p) && Number.isFinite(quantity)) cents += Math.round(p * 100) * quantity;
    }
    total.textContent = (cents / 100).toFixed(2) + " " + (currency() || "");
  }
  const add = h("button", { type: "button", class: "secondary", onclick: () => {
    const b = line();
    lines.append(b);
    renumber();
    b.querySelector("input").focus();
  } }, "Add item");

  return {
    node: h("fieldset", {}, h("legend", {}, "Items"), lines, add, h("p", {}, "Total: ", total)),
    /** Puts the given lines (the order's) in the editor. */
    fill(items) {
      lines.replaceChildren(...items.map((item) => line(item)));
      renumber();
      sum();
    },
    count: () => lines.children.length,
    read: () => [...lines.children].map((b) => b.read()),
    sum,
  };
}
