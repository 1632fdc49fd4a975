// Small DOM helpers: elements built from data (never from HTML strings), toasts, dialogs and field errors.

/** h("button", {onclick, class: "x"}, "text", child…) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else if (key === "value") el.value = value;
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let ids = 0;
export const uid = (prefix) => prefix + "-" + ++ids;

/** A labelled field: the label names the control; an error shown at the field is announced with it. */
export function field(label, control, { name, hint } = {}) {
  const id = control.id || uid("f");
  control.id = id;
  if (name) control.dataset.field = name;
  const error = h("p", { class: "error", id: id + "-error", hidden: true });
  control.setAttribute("aria-describedby", error.id);
  return h("div", { class: "field" }, h("label", { for: id }, label), control, hint ? h("p", { class: "muted" }, hint) : null, error);
}

/** Shows the API's field errors at their fields (data-field), and answers those it could not place. */
export function showFieldErrors(form, errors) {
  clearFieldErrors(form);
  const unplaced = [];
  let first = null;
  for (const error of errors) {
    const control = form.querySelector(`[data-field="${CSS.escape(error.field)}"]`);
    if (!control) { unplaced.push(error); continue; }
    control.setAttribute("aria-invalid", "true");
    const message = document.getElementById(control.id + "-error");
    message.textContent = error.message;
    message.hidden = false;
    first = first || control;
  }
  if (first) first.focus();
  return unplaced;
}

/** A refused form: the API's field errors at their fields, the rest (and a refusal without any) in its problem line. */
export function showRefusal(form, problem, error) {
  const unplaced = showFieldErrors(form, error.errors || []);
  if (!error.errors || !error.errors.length || unplaced.length) {
    problem.textContent = (error.code ? error.code + ": " : "") + [error.message, ...unplaced.map((e) => e.field + " " + e.message)].join("; ");
    problem.hidden = false;
  }
  toastError(error);
}

export function clearFieldErrors(form) {
  form.querySelectorAll("[aria-invalid]").forEach((c) => c.removeAttribute("aria-invalid"));
  form.querySelectorAll(".error").forEach((e) => { e.textContent = ""; e.hidden = true; });
}

export function toast(message) {
  const box = document.getElementById("toasts");
  const item = h("div", { class: "toast" }, message);
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}

/** An error toast naming the contract's code, e.g. "INVALID_TRANSITION: …". */
export function toastError(error) {
  const box = document.getElementById("alerts");
  const item = h("div", { class: "toast error" }, (error.code ? error.code + ": " : "") + error.message);
  box.append(item);
  setTimeout(() => item.remove(), 9000);
}

/**
 * A modal dialog with the given fields ({label, name, value?, type?, multiline?, required?, hint?}) and a "Confirm"
 * button: focus moves into it, Escape or "Close" closes it and focus returns to the opener. onConfirm(values) gets
 * each field's trimmed text (null when empty) by name, and may throw an ApiError to keep it open with the errors shown.
 */
export function dialog(title, fields, onConfirm) {
  const opener = document.activeElement;
  const titleId = uid("dialog-title");
  const form = h("form", { method: "dialog" });
  const controls = fields.map((f) => {
    const control = f.multiline
      ? h("textarea", { rows: 3, required: f.required, value: f.value })
      : h("input", { type: f.type || "text", required: f.required, value: f.value, min: f.min });
    form.append(field(f.label, control, { name: f.name, hint: f.hint }));
    return [f.name, control];
  });
  const problem = h("p", { class: "error", hidden: true });
  const close = h("button", { type: "button", class: "secondary", onclick: () => box.close() }, "Close");
  const confirm = h("button", { type: "submit" }, "Confirm");
  form.append(problem, h("div", { class: "row" }, confirm, close));
  const box = h("dialog", { "aria-labelledby": titleId }, h("h2", { id: titleId }, title), form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(controls.map(([name, c]) => [name, c.value.trim() || null]));
    confirm.disabled = true;
    try {
      await onConfirm(values);
      box.close();
    } catch (error) {
      showRefusal(form, problem, error);
    } finally {
      confirm.disabled = false;
    }
  });
  box.addEventListener("close", () => { box.remove(); if (opener && opener.isConnected) opener.focus(); });
  document.body.append(box);
  box.showModal();
  if (controls.length) controls[0][1].focus();
  return box;
}

export const when = (instant) => (instant ? new Date(instant).toLocaleString() : "");

export function money(amount, currency) {
  return amount == null ? "" : amount + (currency ? " " + currency : "");
}

/** The loading, empty and error states of a region. */
export const loading = (what) => h("p", { role: "status", class: "muted", "data-loading": true }, "Loading " + what + "…");

/** A table that may scroll sideways on a narrow screen: a named region a keyboard user can reach and scroll. */
export const scroller = (label, table) => h("div", { class: "table-wrap", role: "region", "aria-label": label, tabindex: 0 }, table);
export const failed = (error) => h("p", { role: "alert", class: "error" }, (error.code ? error.code + ": " : "") + error.message);
