// Reports: the summary over the orders the caller sees, and the stuck orders.
import { api } from "./api.js";
import { h, failed, when, scroller } from "./ui.js";

export async function reportsScreen() {
  const [summary, stuck] = await Promise.all([
    api("GET", "/api/reports/summary").catch((e) => e),
    api("GET", "/api/reports/stuck").catch((e) => e),
  ]);
  return {
    title: "Reports",
    node: h("section", {}, h("h1", {}, "Reports"),
      h("h2", {}, "Summary"), summary instanceof Error ? failed(summary) : summaryView(summary),
      h("h2", {}, "Stuck orders"), stuck instanceof Error ? failed(stuck) : stuckView(stuck)),
  };
}

function summaryView(s) {
  const facts = [["Orders", s.totalOrders], ["Active", s.activeOrders], ["Open", s.openOrders], ["Overdue campaigns", s.overdueCampaigns],
    ["Cancellation rate", (s.cancellationRate * 100).toFixed(1) + " %"]];
  const money = Object.entries(s.totalAmountByCurrency).map(([c, total]) => [c, total, s.averageOrderValueByCurrency[c]]);
  const statuses = Object.entries(s.byStatus).flatMap(([workflow, counts]) => Object.entries(counts).map(([status, n]) => [workflow, status, n]));
  return h("div", {},
    h("dl", { class: "facts" }, facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])),
    h("h3", {}, "Amounts by currency"),
    table(["Currency", "Total", "Average order"], money),
    h("h3", {}, "Orders by status"),
    table(["Workflow", "Status", "Orders"], statuses));
}

function stuckView(stuck) {
  if (!stuck.items.length) return h("p", { class: "muted" }, "No order is stuck.");
  return table(["Order", "Workflow", "Status", "Since", "Hours", "Limit", "Assignee"], stuck.items.map((o) => [
    h("a", { href: "/orders/" + o.orderId, "data-link": true }, o.orderNumber), o.workflow, o.status, when(o.since),
    o.hoursInStatus.toFixed(1), o.limitHours, o.assignee]));
}

function table(columns, rows) {
  if (!rows.length) return h("p", { class: "muted" }, "None.");
  return scroller(columns.join(", "), h("table", {},
    h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c)))))));
}
