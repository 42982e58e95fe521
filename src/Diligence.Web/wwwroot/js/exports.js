// Export history: while an export is queued or rendering, polls the review's status endpoint and redraws the table,
// so the user sees it become ready or failed without reloading, and removes the "queued" notice once the export it
// announced has finished. Without this script the Refresh link does the same.
(function () {
  "use strict";

  const table = document.querySelector("table[data-export-status]");
  if (!table) {
    return;
  }
  const url = table.getAttribute("data-export-status");
  const tokenInput = document.querySelector("form[data-export-form] input[name=__RequestVerificationToken]");
  const body = table.tBodies[0];
  const notice = document.querySelector("#export-notice[data-export-id]");
  const interval = 2000;

  function element(name, className, text) {
    const node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function cell(label, ...children) {
    const td = element("td");
    td.setAttribute("data-label", label);
    td.append(...children);
    return td;
  }

  function retryForm(id) {
    const form = element("form", "actions");
    form.method = "post";
    form.action = "?handler=Retry";
    const exportId = element("input");
    exportId.type = "hidden";
    exportId.name = "ExportId";
    exportId.value = id;
    form.append(exportId);
    if (tokenInput) {
      form.append(tokenInput.cloneNode());
    }
    const button = element("button", null, "Retry");
    button.type = "submit";
    form.append(button);
    return form;
  }

  function outcome(item) {
    if (item.downloadUrl) {
      const link = element("a", null, item.fileName);
      link.href = item.downloadUrl;
      return [link, " ", element("span", "muted", "(" + item.pageCount + " pages)")];
    }
    if (item.error) {
      return [element("p", "error-text", item.error), retryForm(item.id)];
    }
    return [element("span", "muted", item.state === "queued" ? "Waiting for a render worker…" : "Rendering…")];
  }

  function row(item) {
    const tr = element("tr");
    tr.setAttribute("data-export-id", item.id);
    tr.setAttribute("data-state", item.state);
    tr.append(
      cell("Requested", item.requestedAt),
      cell("Paper", item.paper),
      cell("State", element("span", "badge export-" + item.state, item.label)),
      cell("PDF", ...outcome(item)));
    return tr;
  }

  function unfinished(state) {
    return state === "queued" || state === "rendering";
  }

  async function poll() {
    let next = interval;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" });
      if (response.ok) {
        const data = await response.json();
        if (data.exports.length > 0) {
          body.replaceChildren(...data.exports.map(row));
        }
        if (notice && !data.exports.some(e => e.id === notice.getAttribute("data-export-id") && unfinished(e.state))) {
          notice.remove();
        }
        if (!data.exports.some(e => unfinished(e.state))) {
          return;
        }
      } else {
        next = interval * 3;
      }
    } catch {
      next = interval * 3;
    }
    window.setTimeout(poll, next);
  }

  if (Array.from(body.rows).some(r => unfinished(r.getAttribute("data-state")))) {
    window.setTimeout(poll, interval);
  }
})();
